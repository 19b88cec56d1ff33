"""User text in Markdown comes out as safe HTML."""

from creative_cities.core.markdown import markdown_to_text, render_markdown


def test_markdown_is_rendered():
    html = render_markdown("# Title\n\nSome **bold** and a [link](https://lyon.fr).\n\n- one\n- two")
    assert "<h2>Title</h2>" in html and "<strong>bold</strong>" in html and "<li>one</li>" in html
    assert 'href="https://lyon.fr"' in html and 'rel="nofollow noopener"' in html


def test_raw_html_and_script_links_do_not_survive():
    html = render_markdown("<script>alert(1)</script>\n\n[x](javascript:alert(1)) <img src=x onerror=alert(1)>")
    # Shown as text, never as markup.
    assert "<script" not in html and "<img" not in html and 'href="javascript' not in html
    assert "&lt;script&gt;" in html


def test_plain_text_for_search_keeps_the_words():
    assert markdown_to_text("## Jeunes *musiciens* & festivals") == "Jeunes musiciens & festivals"
