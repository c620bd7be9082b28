"""Feeds, sitemaps and article pages for the source tests and bench (our own sentences)."""
from __future__ import annotations

from html import escape
from xml.sax.saxutils import escape as xml_escape

# (body, leader) pairs: real bodies and the people who have headed them.
BODIES = [
    ("Central Leading Group for Comprehensively Deepening Reforms", "Xi Jinping"),
    ("Central Leading Group for Financial and Economic Affairs", "Xi Jinping"),
    ("Central Leading Group for Foreign Affairs", "Xi Jinping"),
    ("Central Leading Group for Taiwan Affairs", "Xi Jinping"),
    ("Central Leading Group for Cyberspace Affairs", "Xi Jinping"),
]


def article_text(number: int) -> str:
    body, leader = BODIES[number % len(BODIES)]
    return (f"Briefing {number}: {leader} heads the {body}. The group met again to review "
            f"progress on its annual work plan, according to briefing number {number}.")


def article_html(number: int, links: tuple[str, ...] = ()) -> bytes:
    anchors = "".join(f'<li><a href="{escape(href)}">more</a></li>' for href in links)
    return (f"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Briefing {number}</title>"
            f"</head><body><nav>Home | Politics</nav><article><h1>Briefing {number}</h1>"
            f"<p>{escape(article_text(number))}</p></article><ul>{anchors}</ul>"
            f"<footer>Copyright</footer></body></html>").encode("utf-8")


def chinese_html(charset: str) -> bytes:
    """A Chinese notice declared in its own meta tag, encoded as declared (gb18030 or big5)."""
    text = ("中央网络安全和信息化委员会召开会议" if charset != "big5" else "中央網絡安全和信息化委員會召開會議")
    body = ("习近平任中央网络安全和信息化委员会主任。" if charset != "big5"
            else "習近平任中央網絡安全和信息化委員會主任。")
    page = (f"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset={charset}\">"
            f"<title>{text}</title></head><body><article><h1>{text}</h1><p>{body}</p>"
            f"<p>{body}</p></article></body></html>")
    return page.encode(charset)


def rss_feed(links: list[str], title: str = "Politics wire") -> bytes:
    items = "".join(f"<item><title>Item {i}</title><link>{xml_escape(link)}</link>"
                    f"<guid>{xml_escape(link)}</guid></item>" for i, link in enumerate(links))
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>{title}</title><link>http://127.0.0.1/</link><description>test</description>"
            f"{items}</channel></rss>").encode("utf-8")


def atom_feed(links: list[str]) -> bytes:
    entries = "".join(f'<entry><title>Entry {i}</title><id>urn:lsg:{i}</id>'
                      f'<link href="{xml_escape(link)}"/><updated>2024-01-0{1 + i % 9}T00:00:00Z</updated>'
                      f"</entry>" for i, link in enumerate(links))
    return ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>Atom wire</title><id>urn:lsg</id><updated>2024-01-01T00:00:00Z</updated>"
            f"{entries}</feed>").encode("utf-8")


def sitemap(urls: list[str], index: bool = False) -> bytes:
    tag, child = ("sitemapindex", "sitemap") if index else ("urlset", "url")
    entries = "".join(f"<{child}><loc>{xml_escape(u)}</loc></{child}>" for u in urls)
    return (f'<?xml version="1.0" encoding="UTF-8"?><{tag} '
            f'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</{tag}>').encode()


def serve_articles(server, count: int, prefix: str = "/news/", etags: bool = True) -> list[str]:
    """Register `count` article routes (with ETags) and return their URLs."""
    from tests.http_server import Route

    urls = []
    for number in range(count):
        path = f"{prefix}{number}.html"
        server.routes[path] = Route(article_html(number), content_type="text/html; charset=utf-8",
                                    etag=f'"a{number}"' if etags else None)
        urls.append(server.url(path))
    return urls
