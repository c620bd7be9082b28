import pytest

from pipeline.sources.config import SourceConfigError, load_sources, source_named


def _write(tmp_path, text):
    path = tmp_path / "sources.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_bundled_sources_file_is_valid():
    configs = load_sources("corpora/sources.toml")
    names = [c.name for c in configs]
    assert "sample-corpus" in names
    sample = source_named(configs, "sample-corpus")
    assert sample.kind == "directory" and sample.location == "corpora/sample"


def test_every_kind_with_defaults_and_options(tmp_path):
    path = _write(tmp_path, """
[[source]]
name = "wire"
kind = "feed"
url = "http://127.0.0.1:9/feed.xml"
schedule = "15 */6 * * *"
language = "en"
rate_limit = 0.5
user_agent = "lsg-test/1"
fetch = { timeout = 5, max_items = 10 }
parser = { charset = "gb18030", min_chars = 200, keep_if = "领导小组|Leading Group" }

[[source]]
name = "policies"
kind = "page"
url = "http://127.0.0.1:9/list.html"
follow = "/content/"
depth = 2

[[source]]
name = "report"
kind = "pdf"
url = "http://127.0.0.1:9/r.pdf"

[[source]]
name = "site"
kind = "sitemap"
url = "http://127.0.0.1:9/sitemap.xml"
""")
    wire, policies, report, site = load_sources(path)
    assert (wire.schedule, wire.language, wire.rate_limit, wire.user_agent) == (
        "15 */6 * * *", "en", 0.5, "lsg-test/1")
    assert wire.fetch.timeout == 5 and wire.fetch.max_items == 10
    assert wire.fetch.max_bytes == 20_000_000  # defaults fill what is not given
    assert (wire.parser.charset, wire.parser.min_chars, wire.parser.keep_if) == (
        "gb18030", 200, "领导小组|Leading Group")
    assert policies.parser.keep_if is None and policies.parser.min_chars == 0
    assert (policies.follow, policies.depth) == ("/content/", 2)
    assert report.language == "auto" and report.schedule == "" and report.respect_robots
    assert site.kind == "sitemap"


@pytest.mark.parametrize("body, expected", [
    ('name = "a"\nkind = "feed"\nurl = "http://x/f"\nschedule = "61 * * * *"',
     "source #1 (a): schedule: invalid cron expression '61 * * * *'"),
    ('name = "a"\nkind = "blog"\nurl = "http://x/f"', "source #1 (a): kind: Input should be"),
    ('name = "a"\nkind = "feed"', "source #1 (a): a feed source needs `url`"),
    ('name = "a"\nkind = "directory"', "a directory source needs `path`"),
    ('name = "a"\nkind = "feed"\nurl = "ftp://x/f"', "url: must be an http(s) URL"),
    ('name = "a"\nkind = "feed"\nurl = "http://x/f"\nrate_limit = 0', "rate_limit: Input should be greater than 0"),
    ('name = "a"\nkind = "feed"\nurl = "http://x/f"\nlanguage = "fr"', "language: Input should be"),
    ('name = "a"\nkind = "feed"\nurl = "http://x/f"\nschedul = "* * * * *"', "schedul: unknown field"),
    ('name = "a"\nkind = "page"\nurl = "http://x/p"\nfollow = "("', "follow: invalid regular expression"),
    ('name = "a"\nkind = "feed"\nurl = "http://x/f"\ndepth = 1', "apply to page sources only"),
    ('name = "a"\nkind = "feed"\nurl = "http://x/f"\nfetch = { timeout = -1 }', "fetch.timeout"),
    ('name = "a"\nkind = "feed"\nurl = "http://x/f"\nparser = { charset = "gb9999" }',
     "parser.charset: unknown charset 'gb9999'"),
    ('name = "a"\nkind = "feed"\nurl = "http://x/f"\nparser = { keep_if = "[" }',
     "parser.keep_if: invalid regular expression"),
])
def test_errors_name_the_source_and_the_field(tmp_path, body, expected):
    path = _write(tmp_path, "[[source]]\n" + body + "\n")
    with pytest.raises(SourceConfigError) as caught:
        load_sources(path)
    assert str(caught.value).startswith(str(path))
    assert expected in str(caught.value)


def test_file_level_errors(tmp_path):
    with pytest.raises(SourceConfigError, match="no such file"):
        load_sources(tmp_path / "missing.toml")
    with pytest.raises(SourceConfigError, match="not valid TOML"):
        load_sources(_write(tmp_path, "[[source]\nname ="))
    with pytest.raises(SourceConfigError, match="duplicate source name"):
        load_sources(_write(tmp_path, '[[source]]\nname="a"\nkind="directory"\npath="x"\n'
                                      '[[source]]\nname="a"\nkind="directory"\npath="y"\n'))
    with pytest.raises(SourceConfigError, match="unknown top-level"):
        load_sources(_write(tmp_path, '[sources]\nname="a"\n'))


def test_unknown_source_name_lists_the_known_ones():
    with pytest.raises(SourceConfigError, match="sample-corpus"):
        source_named(load_sources("corpora/sources.toml"), "nope")


def test_commented_examples_in_the_bundled_file_are_valid_when_enabled(tmp_path):
    import re
    from pathlib import Path

    text = Path("corpora/sources.toml").read_text("utf-8")
    enabled = re.sub(r"(?m)^# (\[\[source\]\]|[a-z_]+ = .*)$", r"\1", text)
    configs = load_sources(_write(tmp_path, enabled))
    assert sorted(c.kind for c in configs) == ["directory", "feed", "page", "pdf", "sitemap"]
    page = source_named(configs, "gov-cn-zhengce")
    assert (page.depth, page.fetch.max_items) == (1, 100)
