"""Data and machine learning role archetypes."""

from __future__ import annotations

from job_assets.devserver.catalog.model import Role

ROLES = (
    Role(
        key="data_engineer",
        title="Data Engineer",
        department="Data",
        team="Data Platform",
        summary="You will build the pipelines and models that turn {data} into data people across {company} "
        "can trust, from finance to product to our own customers.",
        detail="Our stack is dbt, Airflow and a cloud warehouse on {cloud}. The {team} team treats data as a "
        "product: documented, tested and owned.",
        responsibilities=(
            "Design and build batch and streaming pipelines that are reliable and observable",
            "Model data in the warehouse so analysts and engineers can answer questions themselves",
            "Set up data quality checks, lineage and alerting",
            "Partner with engineering teams on event design and schema changes",
        ),
        requirements=(
            "{years} years of data engineering experience",
            "Strong SQL and Python",
            "Experience with dbt, Airflow, Dagster or similar orchestration tools",
            "Experience with a cloud data warehouse such as BigQuery, Snowflake or Redshift",
        ),
        nice_to_have=(
            "Experience with Kafka or another streaming platform",
            "Familiarity with {domain} data",
        ),
    ),
    Role(
        key="analytics_engineer",
        title="Analytics Engineer",
        department="Data",
        team="Analytics",
        summary="As our analytics engineer, you will own the layer between raw data and decisions: the models, "
        "metrics and dashboards that tell {company} how {product} is doing.",
        detail="You will be the first dedicated analytics engineer, working with a data engineer and two "
        "analysts, and you will have real say in how we define our core metrics.",
        responsibilities=(
            "Build and maintain dbt models for product, revenue and customer metrics",
            "Define metrics once and make them consistent across every dashboard",
            "Teach teammates to self-serve with well-documented datasets",
            "Audit and retire dashboards nobody uses",
        ),
        requirements=(
            "{years} years in analytics engineering, BI or data analysis",
            "Advanced SQL and experience with dbt",
            "Experience with a BI tool such as Looker, Metabase or Mode",
        ),
        nice_to_have=("Experience with a semantic layer", "Python for analysis"),
    ),
    Role(
        key="data_scientist",
        title="Data Scientist",
        department="Data",
        team="Data Science",
        summary="You will use {data} to answer the questions that shape {product}, and build models that put "
        "those answers in front of our {customers}.",
        detail="Data scientists at {company} own problems end to end: framing, analysis, modelling and making "
        "sure the result is used. You will work with product and engineering every day.",
        responsibilities=(
            "Build statistical and machine learning models that ship in the product",
            "Design and analyse experiments, and explain the results to non-specialists",
            "Explore new data sources and find the signal in them",
            "Write production-quality Python with engineers who will help you deploy it",
        ),
        requirements=(
            "{years} years of applied data science experience",
            "Strong Python and SQL; experience with pandas, polars or scikit-learn",
            "A solid grounding in statistics and experimental design",
            "The ability to explain a model's limits as clearly as its results",
        ),
        nice_to_have=("An advanced degree in a quantitative field", "Time series or forecasting experience"),
    ),
    Role(
        key="data_analyst",
        title="Data Analyst",
        department="Data",
        team="Insights",
        summary="Help {company} understand how people use {product}: which features matter, where they get "
        "stuck and what we should build next.",
        detail="You will join a small insights team, sit in product reviews and turn questions into analyses "
        "and dashboards that people use to make decisions.",
        responsibilities=(
            "Answer product and business questions with SQL and clear visualisations",
            "Build and maintain dashboards for product and leadership teams",
            "Define tracking plans with product managers and engineers",
            "Share findings in writing and in person",
        ),
        requirements=(
            "{years} years of experience in data analysis",
            "Strong SQL and experience with a BI tool",
            "Comfort presenting findings to a mixed audience",
        ),
        nice_to_have=(
            "Python or R for analysis",
            "Experience with product analytics tools such as Amplitude",
        ),
        years="2+",
    ),
    Role(
        key="ml_engineer_training",
        title="Machine Learning Engineer",
        department="Machine Learning",
        team="Post-training",
        summary="You will train and fine-tune the models behind {product}, turning {data} into models that "
        "are measurably better for our {customers}.",
        detail="The {team} team owns data curation, supervised fine-tuning and preference optimisation, and "
        "runs training jobs on a GPU cluster with hundreds of accelerators.",
        responsibilities=(
            "Build data pipelines for fine-tuning and preference data, with quality filters",
            "Run and debug large distributed training jobs",
            "Design offline evaluations that predict what customers will notice",
            "Read papers, reproduce what matters and discard what does not",
        ),
        requirements=(
            "{years} years of experience training deep learning models",
            "Strong PyTorch skills and experience with distributed training (FSDP, DeepSpeed or similar)",
            "Experience with transformer language models",
        ),
        nice_to_have=("Publications at ML venues", "Experience with RLHF or DPO"),
    ),
    Role(
        key="ml_engineer_inference",
        title="Machine Learning Engineer",
        department="Machine Learning",
        team="Inference",
        summary="You will make the models behind {product} fast and cheap to serve, so every answer reaches "
        "our {customers} in well under a second.",
        detail="The {team} team runs our model serving stack on GPUs in {cloud}: batching, quantisation, "
        "caching and autoscaling, with latency and cost budgets we take seriously.",
        responsibilities=(
            "Optimise model serving latency and throughput with batching, quantisation and caching",
            "Build and operate autoscaling inference services on Kubernetes",
            "Profile GPU workloads and remove bottlenecks",
            "Work with researchers to get new models into production safely",
        ),
        requirements=(
            "{years} years of experience deploying machine learning models in production",
            "Experience with inference engines such as vLLM, TensorRT-LLM or Triton",
            "Strong Python and systems programming skills",
        ),
        nice_to_have=("CUDA or Triton kernel experience", "Experience with speculative decoding"),
    ),
    Role(
        key="research_scientist",
        title="Research Scientist",
        department="Research",
        team="Research",
        summary="Join the research team at {company} to work on the open problems that limit {product} today, "
        "and publish what we learn when we can.",
        detail="Research at {company} is close to the product: our questions come from real failures our "
        "{customers} see, and good results ship within months, not years.",
        responsibilities=(
            "Lead research projects from hypothesis to result",
            "Build evaluation methods for behaviour that is hard to measure",
            "Collaborate with engineers to turn results into product improvements",
            "Mentor other researchers and share results internally and externally",
        ),
        requirements=(
            "A PhD in machine learning or a related field, or equivalent research experience",
            "A record of research contributions, such as publications or open source work",
            "Strong programming skills in Python",
        ),
        nice_to_have=("Experience with large language model evaluation",),
        years="0+",
    ),
)
