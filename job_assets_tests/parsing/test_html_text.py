from __future__ import annotations

import html as htmllib

import pytest

from job_assets.parsing.html import html_to_text, is_entity_escaped, plain_to_text
from job_assets_tests.parsing.samples import payload

GREENHOUSE_TEXT = """About Acme Robotics

Acme builds warehouse robots that work alongside people. R&D is in our DNA — and we’re growing.

What you'll do

- Design and ship motion-planning software in C++ & Python
- Own perception pipelines
  - Camera calibration
  - Sensor fusion
- Mentor engineers

What you'll bring

- 5+ years of robotics experience
- Comfort with ROS 2

Our HQ:
123 Main St
San Francisco

Base Salary
$150,000—$200,000 USD

Acme is an equal opportunity employer."""


def test_greenhouse_entity_escaped_content_renders_to_clean_lines() -> None:
    content = payload("greenhouse_job")["content"]
    assert content.startswith("&lt;div")  # the fixture really is escaped, as Greenhouse sends it
    assert html_to_text(content) == GREENHOUSE_TEXT


def test_escaped_and_unescaped_forms_give_the_same_text() -> None:
    markup = "<p>Fish &amp; chips&nbsp;daily</p><ul><li>one</li><li>two</li></ul>"
    assert html_to_text(markup) == "Fish & chips daily\n\n- one\n- two"
    assert html_to_text(htmllib.escape(markup)) == "Fish & chips daily\n\n- one\n- two"


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("&lt;p&gt;Hello&lt;/p&gt;", True),
        ("&lt;div class=&quot;x&quot;&gt;Hi&lt;/div&gt;", True),
        ("&lt;br/&gt;", True),
        ("<p>Hello</p>", False),
        # Real HTML that shows an escaped tag as code must not be unescaped into markup.
        ("<p>Write semantic &lt;div&gt; markup</p>", False),
        ("Salary &lt; $100k &amp; equity", False),
        ("plain text", False),
    ],
)
def test_is_entity_escaped(text: str, escaped: bool) -> None:
    assert is_entity_escaped(text) is escaped


def test_escaped_tag_shown_as_code_stays_text() -> None:
    assert html_to_text("<p>Write semantic &lt;div&gt; markup</p>") == "Write semantic <div> markup"


def test_scripts_styles_noscript_and_comments_are_dropped() -> None:
    markup = (
        "<html><head><title>Job 1</title><style>p{}</style></head><body>"
        "<p>Keep me</p><script>var secret = 1;</script><noscript>Enable JS</noscript>"
        "<!-- internal note --><template><p>tpl</p></template><p>And me</p></body></html>"
    )
    assert html_to_text(markup) == "Keep me\n\nAnd me"


def test_whitespace_and_nbsp_are_collapsed() -> None:
    markup = "<p>  Lots\tof \n\n spaces&nbsp;&nbsp;here\u200b </p><p>\u00a0</p><p> </p><p>next</p>"
    assert html_to_text(markup) == "Lots of spaces here\n\nnext"


def test_inline_tags_do_not_split_words_or_lines() -> None:
    assert html_to_text("<p>Work <b>with</b> <a href='#'>our</a> <em>team</em>s</p>") == "Work with our teams"


def test_br_lines_and_blank_line_runs() -> None:
    assert html_to_text("<p>a<br>b<br><br><br>c</p><p></p><p></p><p>d</p>") == "a\nb\n\nc\n\nd"


def test_lever_style_div_lines() -> None:
    markup = "<div>First line</div><div>Second line</div><div><br></div><div>After a gap</div>"
    assert html_to_text(markup) == "First line\nSecond line\n\nAfter a gap"


def test_list_items_with_paragraphs_and_bare_items() -> None:
    assert html_to_text("<ul><li><p>Own</p><p>it</p></li></ul>") == "- Own\nit"
    assert html_to_text("<li>bare one</li><li>bare two</li>") == "- bare one\n- bare two"
    assert html_to_text("<ol><li>a<ol><li>b<ul><li>c</li></ul></li></ol></li></ol>") == "- a\n  - b\n    - c"


def test_headings_and_tables() -> None:
    markup = "<h2>Benefits</h2><table><tr><th>Plan</th><th>Cost</th></tr><tr><td>Dental</td><td>$0</td></tr></table>"
    assert html_to_text(markup) == "Benefits\n\nPlan Cost\nDental $0"


def test_empty_inputs() -> None:
    assert html_to_text(None) == ""
    assert html_to_text("") == ""
    assert html_to_text("   ") == ""
    assert html_to_text("<p> </p><script>x()</script>") == ""


def test_plain_text_keeps_its_lines() -> None:
    text = "About us\r\n\r\n\r\nWe   build &amp; ship.\n  - item one  \n"
    assert html_to_text(text) == "About us\n\nWe build & ship.\n- item one"
    assert plain_to_text(text) == "About us\n\nWe build & ship.\n- item one"


def test_deeply_nested_markup_does_not_recurse() -> None:
    markup = "<div>" * 5000 + "deep" + "</div>" * 5000
    assert html_to_text(markup) == "deep"
