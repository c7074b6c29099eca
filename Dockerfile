# One image for the user-code server, the webserver, the daemon and the init job
# (docker-compose.yml); the notebook service builds it with UV_EXTRAS="--extra notebook".
FROM python:3.11-slim

# Debian's Chromium for crawl4ai's browser crawls of JavaScript career pages
# (playwright cannot download its own browser in many build environments).
ARG WITH_CHROMIUM=1
RUN if [ "$WITH_CHROMIUM" = "1" ]; then \
      apt-get update \
      && apt-get install -y --no-install-recommends chromium ca-certificates \
      && rm -rf /var/lib/apt/lists/*; \
    fi

RUN pip install --no-cache-dir "uv>=0.13,<0.14"

ENV UV_COMPILE_BYTECODE=1 \
    UV_LINK_MODE=copy \
    UV_PYTHON_DOWNLOADS=never \
    CRAWL4AI_NO_CLOUD_NOTICE=1 \
    LITELLM_LOCAL_MODEL_COST_MAP=True \
    PYTHONUNBUFFERED=1

WORKDIR /opt/job_assets
ARG UV_EXTRAS=""

# Dependencies first (cached while only the code changes), then the project itself.
COPY pyproject.toml uv.lock README.md ./
RUN uv sync --frozen --no-dev --no-install-project $UV_EXTRAS

COPY job_assets ./job_assets
COPY data/companies.yaml ./data/companies.yaml
COPY deploy ./deploy
COPY notebooks ./notebooks
RUN uv sync --frozen --no-dev $UV_EXTRAS

ENV PATH="/opt/job_assets/.venv/bin:$PATH" \
    DAGSTER_HOME=/opt/dagster/dagster_home \
    JOB_ASSETS_DB=/var/lib/job_assets/jobs.duckdb
RUN mkdir -p "$DAGSTER_HOME" /var/lib/job_assets \
    && cp deploy/dagster.postgres.yaml "$DAGSTER_HOME/dagster.yaml"

EXPOSE 3000 4000
CMD ["dagster", "code-server", "start", "-h", "0.0.0.0", "-p", "4000", "-m", "job_assets.definitions", "--location-name", "job_assets"]
