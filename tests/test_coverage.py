from vnsister import load
from vnsister.coverage import TARGETS, PublishedTotal, coverage_table


def test_counts_distinct_government_partners_as_of(tiny, monkeypatch):
    import vnsister.coverage as cov

    targets = (PublishedTotal("Epsilon", 4, "2030-01-01", ("vn-epsilon",), "partners", "https://example.org"),
               PublishedTotal("Epsilon in 2000", 1, "2000-01-01", ("vn-epsilon",), "partners", "https://example.org"),
               PublishedTotal("Korea side", 2, "2030-01-01", (), "sister+friendship", "https://example.org", korean_side=True))
    monkeypatch.setattr(cov, "TARGETS", targets)
    table = coverage_table(load(tiny)).set_index("published total")
    # vn-epsilon has two government ties (Beta-gu since 2004, Gamma since 1984): 2 of 4 published
    assert table.loc["Epsilon", "dataset"] == 2 and table.loc["Epsilon", "ratio"] == 0.5
    # in 2000 only the 1984 tie existed
    assert table.loc["Epsilon in 2000", "dataset"] == 1
    # Korean side: twinning/friendship ties with a Korean government party: only T0001 (T0002 is cooperation)
    assert table.loc["Korea side", "dataset"] == 1


def test_targets_have_sources():
    assert all(t.source.startswith("https://") and t.published > 0 for t in TARGETS)
