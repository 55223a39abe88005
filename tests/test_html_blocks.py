"""Imported HTML becomes article blocks: nothing dangerous kept, nothing readable dropped."""

from newsdesk.lib.html_blocks import (
    autop,
    blocks_to_html,
    html_to_blocks,
    plain_text,
    split_caption,
)


def kinds(html):
    return [block.kind for block in html_to_blocks(html)]


def test_scripts_handlers_and_bad_urls_are_removed_and_text_kept():
    blocks = html_to_blocks(
        "<p onclick='steal()'>Texte <a href='javascript:alert(1)'>lien</a> "
        "<a href='https://ok.example/'>bon</a></p><script>alert(1)</script><style>p{}</style>"
    )
    assert len(blocks) == 1
    html = blocks[0].html
    assert "onclick" not in html and "javascript" not in html and "alert" not in html
    assert "Texte" in html and 'href="https://ok.example/"' in html


def test_every_kind_of_block():
    html = (
        "<h1>Titre</h1><h4>Intertitre</h4><p>Un <strong>paragraphe</strong>.</p>"
        "<blockquote><p>Une citation.</p><cite>— Quelqu'un</cite></blockquote>"
        "<figure><img src='https://img.example/a.jpg' alt='A'><figcaption>Une photo. "
        "Ảnh: TTXVN</figcaption></figure><ul><li>un</li></ul>"
        "<table><tr><td>cellule</td></tr></table><div class='gallery'><img src='https://x/1.jpg'>"
        "<img src='https://x/2.jpg'></div>"
    )
    blocks = html_to_blocks(html)
    assert [b.kind for b in blocks] == [
        "heading", "heading", "paragraph", "quote", "image", "paragraph", "html", "image", "image",
    ]  # fmt: skip
    assert (blocks[0].level, blocks[1].level) == ("h2", "h3")
    assert blocks[2].html == "<p>Un <b>paragraphe</b>.</p>"
    assert (blocks[3].text, blocks[3].attribution) == ("Une citation.", "Quelqu'un")
    assert blocks[4].image == {
        "src": "https://img.example/a.jpg",
        "alt": "A",
        "caption": "Une photo.",
        "credit": "Ảnh: TTXVN",
    }
    assert "cellule" in blocks[6].html


def test_unknown_wordpress_blocks_are_kept_as_html():
    html = (
        '<!-- wp:cover --><div class="wp-block-cover"><span>Couverture</span>'
        "<p>Texte de couverture</p></div><!-- /wp:cover -->"
        "<details><summary>Plus</summary>Caché</details>"
    )
    text = plain_text(html)
    assert "Texte de couverture" in text and "Caché" in text
    assert "html" in kinds(html)


def test_loose_text_becomes_paragraphs():
    assert kinds("Du texte <em>libre</em><h2>Puis</h2>et encore") == [
        "paragraph", "heading", "paragraph",
    ]  # fmt: skip


def test_classic_wordpress_paragraphs():
    assert autop("Un\ndeux\n\nTrois\n\n<h2>Quatre</h2>") == (
        "<p>Un<br>\ndeux</p>\n<p>Trois</p>\n<h2>Quatre</h2>"
    )


def test_blocks_round_trip_through_html():
    blocks = html_to_blocks(
        "<h2>A &amp; B</h2><blockquote><p>Dit</p><cite>Lui</cite></blockquote>"
        "<figure><img src='https://i.example/p.jpg' alt='P'><figcaption>Cap</figcaption></figure>"
    )
    blocks[2].image["credit"] = "AFP"
    assert html_to_blocks(blocks_to_html(blocks)) == blocks


def test_captions_and_credits():
    assert split_caption("Soldats. Photo : X/@ZelenskyyUa") == (
        "Soldats.",
        "Photo : X/@ZelenskyyUa",
    )
    assert split_caption("Le port de Cua Lo © Reuters") == ("Le port de Cua Lo", "© Reuters")
    assert split_caption("Un chat sur un toit") == ("Un chat sur un toit", "")


def test_quotes_and_figures_a_block_would_cut_are_kept_whole():
    blocks = html_to_blocks(
        "<blockquote>Avant <p>Une citation.</p> après</blockquote>"
        "<blockquote><ul><li>point</li></ul></blockquote>"
        "<figure><img src='https://i.example/p.jpg'><p>Texte hors légende</p>"
        "<figcaption>Légende</figcaption></figure>"
    )
    assert [b.kind for b in blocks] == ["html", "html", "html"]
    text = " ".join(b.html for b in blocks)
    for words in ("Avant", "après", "point", "Texte hors légende", "Légende"):
        assert words in text
