"""Write the notebooks in notebooks/ (committed without outputs; CI executes them with nbmake).

    python scripts/make_notebooks.py
"""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

OUT = Path(__file__).resolve().parents[1] / "notebooks"
LOAD = """
ds = vnsister.load()
AS_OF = ds.released  # the release date: the same numbers on any day
print(ds.version, {name: len(table) for name, table in ds.tables.items()})"""


def setup(*imports: str, pandas: bool = False) -> str:
    """The first code cell: imports in ruff's order, then the release loaded. Every figure's caption comes from
    ``vnsister.figures``: its own n, the as-of date and rule where one applies, and the caveats."""
    third_party = ["import matplotlib.pyplot as plt", *(["import pandas as pd"] if pandas else [])]
    ours = sorted({*imports, "from vnsister.figures import add_caption, caption"})
    return "\n".join(third_party) + "\n\nimport vnsister\n" + "".join(f"{line}\n" for line in ours) + LOAD


NOTEBOOKS = {
    "01_tour": [
        ("md", "# A tour of vnsister\n\nThe data package has six tables. `places` holds every locality (and the "
               "Vietnamese and Korean gazetteer), `partnerships` one row per tie, `events` the history of each tie, "
               "`sources` and `evidence` the public sources behind every tie and event, `published_findings` the "
               "published aggregate figures. `ds.ties()` joins each tie with both parties' names and provinces."),
        ("code", setup("from vnsister.report import coverage_by_country, province_country_matrix", pandas=True)),
        ("code", "ties = ds.ties()\nties[['tie_id', 'vn_name_local', 'partner_name_en', 'partner_country', 'tie_type', "
                 "'established', 'status']].head(10)"),
        ("md", "## How the tables join\n\n`events.tie_id` → `partnerships.tie_id`; `evidence` links a source to a tie "
               "(and optionally to one of its events); `partnerships.vn_place_id` and `partner_place_id` → "
               "`places.place_id`."),
        ("md", "## What a tie rests on\n\n`vnsister.provenance` gathers one tie's record: both parties, how its "
               "start is known under the time rule, its status, its steps and every source cited for it, with the "
               "source's stance and a note in the project's own words (`vnsister show T0001` prints the same). "
               "`place_ties` lists a place's ties by id or by any of its names."),
        ("code", "from vnsister.provenance import format_record, place_ties, tie_record\n\n"
                 "record = tie_record(ds, ties.iloc[0]['tie_id'])\nprint(format_record(record))\n"
                 "display(record.evidence[['source_id', 'publisher', 'published', 'language', 'stance', 'url']])\n"
                 "place_ties(ds, 'Hải Dương').head()"),
        ("md", "## Ties by partner country and by Vietnamese province"),
        ("code", "fig, axes = plt.subplots(1, 2, figsize=(12, 5))\n"
                 "coverage_by_country(ds).head(12).set_index('country')['ties'].sort_values().plot.barh(ax=axes[0], color='#2b6f8e')\n"
                 "axes[0].set(title='Ties by partner country (top 12)', xlabel='ties', ylabel='')\n"
                 "ties['vn_province_name_local'].value_counts().head(15).sort_values().plot.barh(ax=axes[1], color='#8e4b2b')\n"
                 "axes[1].set(title='Ties by Vietnamese province (historical map, top 15)', xlabel='ties', ylabel='')\n"
                 "add_caption(fig, caption(ds, len(ties), notes=\"A district's, council's or agency's tie counts for its \"\n"
                 "                         'province.'))"),
        ("md", "## Where the partners are\n\nEach tie is a line between representative points of its two parties "
               "(table `coordinates`; its `method` says how each point was matched). The caption counts "
               "the ties that cannot be drawn because a party has no coordinates. The outlines ship with the package."),
        ("code", "from vnsister.maps import map_lines, partner_map\n\n"
                 "ax = partner_map(ds, 'world')\nax = partner_map(ds, 'korea')\n"
                 "lines, n = map_lines(ds, 'world')\nn"),
        ("md", "## Vietnamese provinces × partner countries"),
        ("code", "grid = province_country_matrix(ds, provinces=15, countries=8)\n"
                 "fig, ax = plt.subplots(figsize=(9, 7))\nim = ax.imshow(grid, cmap='Blues', aspect='auto')\n"
                 "ax.set_xticks(range(len(grid.columns)), grid.columns, rotation=45, ha='right')\n"
                 "ax.set_yticks(range(len(grid.index)), grid.index)\n"
                 "for (i, j), n in pd.DataFrame(grid.values).stack().items():\n    ax.text(j, i, n, ha='center', va='center', fontsize=8)\n"
                 "ax.set_title('Ties per province and partner country')\nfig.colorbar(im, label='ties')\n"
                 "add_caption(fig, caption(ds, int(grid.to_numpy().sum()), 'ties in the cells shown', notes='Rows: the 15 '\n"
                 "                         'provinces with most ties; columns: the 8 partner countries with most ties, the rest summed.'))"),
        ("md", "## Timeline\n\nYear of establishment (first formal agreement). Undated ties cannot be placed on the "
               "axis: their number is given in the title, and the last year is partial up to the release date."),
        ("code", "from vnsister.ages import establishment_counts\n\n"
                 "counts = establishment_counts(ds).set_index('year')\nundated = int(counts.loc['undated', 'ties'])\n"
                 "all_years = counts.drop('undated')['ties'].rename(index=int)\n"
                 "korea = establishment_counts(ds, partner_country='KR').set_index('year').drop('undated')['ties'].rename(index=int)\n"
                 "fig, ax = plt.subplots(figsize=(10, 4))\nax.bar(all_years.index, all_years.values, color='#bbbbbb', label='all partners')\n"
                 "ax.bar(korea.index, korea.values, color='#c0392b', label='Korean partners')\n"
                 "ax.axvline(1992.97, color='k', lw=0.8, ls='--')\nax.text(1993.2, ax.get_ylim()[1] * 0.9, 'VN–KR relations\\n1992-12-22', fontsize=8)\n"
                 "ax.set(xlabel='year established', ylabel='ties', title=f'Ties established per year ({undated} undated ties not shown)')\n"
                 "ax.legend()\nadd_caption(fig, caption(ds, int(all_years.sum()), 'dated ties', notes=f'{undated} ties without an '\n"
                 "                         'established date are not shown; the last year is partial (to the release date).'))"),
        ("code", "from vnsister.network import partners_by_province\n\n"
                 "top = partners_by_province(ds).iloc[0]\n"
                 "print(f\"In release {ds.version}, {len(ds.partnerships)} ties link {ds.ties()['vn_province_id'].nunique()} Vietnamese \"\n"
                 "      f\"provinces with {ds.ties()['partner_country'].nunique()} countries; {undated} ties \"\n"
                 "      f\"({undated / len(ds.partnerships):.0%}) have no established date. {top['vn_province']} has the most distinct \"\n"
                 "      f\"foreign partners ({top['partners']}).\")"),
    ],
    "02_korean_partner_centrality": [
        ("md", "# Centrality of Korean partners\n\nKorean places ranked by their Vietnamese partners in the bipartite "
               "Vietnam–Korea network: weighted degree (twinning 4, friendship 3, cooperation 2, agency or other 1; "
               "`vnsister.network.TIE_WEIGHTS`), eigenvector and betweenness centrality, and the same in the one-mode "
               "projection (Korean places linked by shared Vietnamese partners)."),
        ("code", setup("from vnsister.network import build_graph, korean_partner_centrality, korean_share, partner_network")),
        ("code", "ranking = korean_partner_centrality(ds, as_of=AS_OF)\nranking.head(15)"),
        ("md", "## The network, largest connected component"),
        ("code", "import networkx as nx\n\n# the ties the ranking counts: same as-of date and rule, so the component matches its component_size\n"
                 "G = partner_network(ds, 'KR', as_of=AS_OF)\nH = G.subgraph(max(nx.connected_components(G), key=len))\n"
                 "pos = nx.spring_layout(H, seed=1, k=0.35)\nfig, ax = plt.subplots(figsize=(12, 10))\n"
                 "colors = ['#c0392b' if H.nodes[n]['country'] == 'KR' else '#2b6f8e' for n in H]\n"
                 "sizes = [40 + 25 * H.degree(n) for n in H]\nnx.draw_networkx_edges(H, pos, ax=ax, alpha=0.3)\n"
                 "nx.draw_networkx_nodes(H, pos, ax=ax, node_color=colors, node_size=sizes)\n"
                 "labels = {n: H.nodes[n]['name_en'] for n in H if H.degree(n) >= 3}\n"
                 "nx.draw_networkx_labels(H, pos, labels, ax=ax, font_size=8, bbox={'facecolor': 'white', 'alpha': 0.7, 'lw': 0, 'pad': 0.5})\n"
                 "ax.set_title(f'Vietnam–Korea ties, largest connected component ({H.number_of_nodes()} places)\\n'\n"
                 "             'red = Korean, blue = Vietnamese; labelled: 3+ partners')\n"
                 "ax.axis('off')\nadd_caption(fig, caption(ds, H.number_of_edges(), 'ties drawn', as_of=AS_OF,\n"
                 "                         notes=f'{G.number_of_edges() - H.number_of_edges()} Vietnam–Korea ties outside the largest '\n"
                 "                               'component are not drawn. Node size: number of partners.'))"),
        ("md", "## How the ranking changed: May 2012 against today, and the historical against the 2025 map"),
        ("code", "then = korean_partner_centrality(ds, as_of='2012-05-31')[['place_id', 'rank', 'partners']]\n"
                 "now = ranking[['place_id', 'name_en', 'rank', 'partners']]\n"
                 "change = now.merge(then, on='place_id', how='left', suffixes=('', '_2012'))\nchange.head(15)"),
        ("code", "merged_map = korean_partner_centrality(ds, as_of=AS_OF, admin='2025').set_index('place_id')\n"
                 "compare_maps = ranking.set_index('place_id')[['name_en', 'partners', 'rank']]\n"
                 "compare_maps = compare_maps.join(merged_map[['partners', 'rank']], rsuffix='_2025map')\n"
                 "G2025 = build_graph(ds, as_of=AS_OF, admin='2025')\nprint(G2025.graph['merged_ties'], 'ties move to successors on the 2025 map')\n"
                 "compare_maps[compare_maps['partners'] != compare_maps['partners_2025map']].head(15)"),
        ("md", "## The mirror view and the wider network\n\nVietnamese places ranked by their Korean ties, and the "
               "share of each province's foreign ties that are Korean."),
        ("code", "display(korean_partner_centrality(ds, side='VN').head(10))\nkorean_share(ds).head(15)"),
        ("md", "## Findings\n\nEigenvector scores are computed on the largest connected component only (blank "
               "elsewhere), so they can be ranked together; `component_size` says how large each place's component is. "
               "The 2012 ranking counts undated ties only from their earliest dated evidence (or page-order bound)."),
        ("code", "top = ranking.iloc[0]\nby_eigen = ranking.dropna(subset=['eigenvector']).sort_values('eigenvector', ascending=False).iloc[0]\n"
                 "G_kr = ranking['component_size'].max()\n"
                 "print(f\"As of {AS_OF}, {top['name_en']} ranks first by weighted degree ({top['partners']} Vietnamese partners); \"\n"
                 "      f\"{by_eigen['name_en']} is the most central by eigenvector within the largest component ({G_kr} places). \"\n"
                 "      f\"{ranking['eigenvector'].isna().sum()} of {len(ranking)} Korean places lie outside it.\")"),
    ],
    "03_age_of_ties": [
        ("md", "# Age of ties\n\nAges in years on the release date, with bounds for partial dates (`age_min`, `age_max`); "
               "undated ties count from their earliest dated evidence (or page-order bound) and have only a lower bound. By partner country and "
               "type; cohorts around 1992-12-22 (Vietnam–Korea diplomatic relations); time from a first MoU to an upgrade."),
        ("code", setup("from vnsister.ages import establishment_counts, median_age, survival, tie_ages, time_to_upgrade",
                       "from vnsister.timeline import count_series", pandas=True)),
        ("code", "in_force = tie_ages(ds, as_of=AS_OF)\nages = in_force.dropna(subset=['age'])\nfig, ax = plt.subplots(figsize=(9, 4))\n"
                 "ax.hist([ages.loc[ages['partner_country'] == 'KR', 'age'], ages.loc[ages['partner_country'] != 'KR', 'age']],\n"
                 "        bins=range(0, 60, 2), stacked=True, label=['Korean partners', 'other partners'], color=['#c0392b', '#bbbbbb'])\n"
                 "ax.set(xlabel=f'age on {AS_OF} (years; midpoint of partial dates)', ylabel='ties', title=f'Age of dated ties (n = {len(ages)})')\nax.legend()\n"
                 "add_caption(fig, caption(ds, len(ages), 'dated ties', as_of=AS_OF, notes=f'{len(in_force) - len(ages)} ties in force '\n"
                 "                         'that day without an established date are not shown: only a lower bound of their age is known.'))"),
        ("code", "by_country = median_age(ds, 'partner_country', as_of=AS_OF)\ndisplay(by_country.head(10))\nmedian_age(ds, 'tie_type', as_of=AS_OF)"),
        ("md", "## Ties in existence over time, with bounds\n\nAt each year end: the count under the default rule, "
               "the lower bound (ties that printed dates show in existence) and the upper bound (every tie that may "
               "have existed: an undated tie on every date). The gap is what the undated ties leave open."),
        ("code", "series = count_series(ds, first_year=1990)\nfig, ax = plt.subplots(figsize=(9, 4))\n"
                 "days = pd.to_datetime(series['as_of'])\n"
                 "ax.fill_between(days, series['lower'], series['upper'], color='#d6e4ee', label='lower to upper bound')\n"
                 "ax.plot(days, series['count'], color='#2b6f8e', label='default rule')\n"
                 "ax.set(ylabel='ties in existence', title=f'Ties in existence at each year end (n = {len(ds.partnerships)})')\n"
                 "ax.legend()\nadd_caption(fig, caption(ds, len(ds.partnerships), as_of=AS_OF, notes='Line: the default rule; band: from '\n"
                 "                         'the ties that printed dates show in existence to every tie that may have existed (an undated tie on '\n"
                 "                         'every date). A point at each 31 December; the last point is the release date (a partial year).'))\n"
                 "series.tail()"),
        ("md", "## Cohorts around 1992"),
        ("code", "establishment_counts(ds, by='cohort', partner_country='KR')"),
        ("md", "## Time from the first agreement to an upgrade"),
        ("code", "upgrades = time_to_upgrade(ds)\nprint(upgrades['years'].describe())\nupgrades.merge(ds.ties()[['tie_id', 'vn_name_local', 'partner_name_en']], on='tie_id').head(10)"),
        ("md", "## Survival: not estimable\n\nSources rarely announce the end of a tie, so very few lapses are recorded. "
               "`survival` refuses to draw a Kaplan–Meier curve from fewer than `MIN_LAPSES` dated lapses, and says why; "
               "time to upgrade (above) is what the data can estimate."),
        ("code", "try:\n    survival(ds, as_of=AS_OF)\nexcept ValueError as reason:\n    print(reason)"),
        ("code", "kr = by_country.loc['KR']\nprint(f\"As of {AS_OF}, the median Vietnam–Korea tie is {kr['median_age_dated']:.1f} years old among \"\n"
                 "      f\"{kr['ties'] - kr['undated']} dated ties; counting the {kr['undated']} undated ones at their youngest and oldest \"\n"
                 "      f\"possible ages, the median lies between {kr['median_age_min']:.1f} and {kr['median_age_max']:.1f} years. \"\n"
                 "      f\"{len(upgrades)} ties record an upgrade, a median {upgrades['years'].median():.1f} years after the first agreement.\")"),
    ],
    "04_published_findings": [
        ("md", "# Published findings beside the dataset\n\nEach published figure (`published_findings.csv`) has a declared "
               "query (its `dataset_query`, read by `vnsister.findings.finding_queries`) that counts the same thing in the dataset; "
               "`compare` sets them side by side."),
        ("code", setup("from vnsister.coverage import completeness, recapture", "from vnsister.findings import compare, finding_queries",
                       pandas=True)),
        ("code", "table = compare(ds)\ntable"),
        ("code", "shown = table.dropna(subset=['ratio']).sort_values('ratio')\nfig, ax = plt.subplots(figsize=(10, 11))\n"
                 "palette = {'matches': '#2b6f8e', 'within bounds': '#7fb3d5'}\n"
                 "labels = shown['scope'] + ', ' + shown['as_of']  # what each figure counts and when, not its id\n"
                 "ax.barh(labels, shown['ratio'], color=[palette.get(s, '#c0392b') for s in shown['status']])\n"
                 "ax.axvline(1, color='k', lw=0.8)\nax.set(xlabel='dataset / published', title='Dataset figure relative to the published one')\n"
                 "add_caption(fig, caption(ds, len(shown), 'published figures', period='each figure on its own date', notes='The '\n"
                 "                         'dataset counts each the way its source counts. Dark blue: within 5%; light blue: within the bounds '\n"
                 "                         'that undated ties allow; red: outside them.'))"),
        ("md", "## Why the numbers differ\n\n"
               "Each finding's `explanation` (a column of `published_findings.csv`, written by the curators) says why "
               "the dataset's figure differs from the published one: a convention of the publisher the query cannot "
               "follow, ties whose establishment date is unknown (they count from their earliest dated evidence, so "
               "`dataset_lower` and `dataset_upper` give the range they allow), or partners no stored page names. "
               "Every finding that does not match has one (a test keeps it so)."),
        ("code", "with pd.option_context('display.max_colwidth', None):\n"
                 "    display(table.loc[table['status'] != 'matches', ['finding_id', 'status', 'explanation']])"),
        ("code", "queries = pd.DataFrame({k: vars(q) for k, q in finding_queries(ds).items()}).T\n"
                 "queries[['counting', 'vn_places', 'partner_country', 'tie_types', 'parties', 'korean_side', 'purpose']]"),
        ("md", "## Completeness measured by an independent search\n\nFew places publish a total. The `coverage_checks` "
               "table records a blind check instead: provinces, drawn at random in stages until all 63 were done, were searched for their foreign partners "
               "by searchers who did not consult the dataset, and each tie they found was looked up in it (codebook "
               "§7–§8). It was repeated on six provinces drawn at random (`blind-2026-12b`) and run from the partner's "
               "side (`partner-side-2026-12`): foreign provinces drawn at random in five partner countries, searched for "
               "their Vietnamese partners. The share already recorded estimates how much of what stored public pages "
               "document the dataset holds; it cannot see ties that left no public trace, and its interval treats ties as "
               "independent although they cluster by province."),
        ("code", "completeness(ds)"),
        ("code", "by_province = completeness(ds, by='province')\n"
                 "by_province = by_province[by_province['group'] != 'all'].sort_values(['share', 'found'])\n"
                 "fig, ax = plt.subplots(figsize=(8, max(7, 0.2 * len(by_province) + 1.5)))\n"
                 "ax.errorbar(by_province['share'], range(len(by_province)), fmt='o', color='#2b6f8e', ecolor='#7fb3d5', capsize=2,\n"
                 "            xerr=[by_province['share'] - by_province['ci_low'], by_province['ci_high'] - by_province['share']])\n"
                 "labels = by_province['group'] + ', ' + by_province['check'] + ' (n = ' + by_province['found'].astype(str) + ')'\n"
                 "ax.set_yticks(range(len(by_province)), labels)\n"
                 "ax.set(xlim=(0, 1.02), xlabel='share of the ties found that the dataset already held (95% Wilson interval)',\n"
                 "       title='Completeness by unit searched')\n"
                 "found = int(completeness(ds).query(\"group == 'all'\")['found'].sum())\n"
                 "add_caption(fig, caption(ds, found, 'ties found by the independent searches', period='ties of any '\n"
                 "                         'date', notes='Vietnamese provinces (as before the 2025 reorganisation) and, from the partner\\'s side, '\n"
                 "                         'foreign provinces, drawn at random. Both searches '\n"
                 "                         'used the same stored public pages; ties without a public trace are outside the measure.'))"),
        ("md", "The other direction: of the ties the dataset already held for the units searched, how many did the "
               "blind search find? Taking the two searches as two samples, a capture–recapture (Chapman) estimate gives "
               "the number of ties that stored public pages document for these units, with a 95% interval (the dataset's "
               "count over the Wilson interval of the share of the check's ties it held). Both searches read the same "
               "pages and miss the same untraced ties, so the estimate errs low."),
        ("code", "recapture(ds)"),
    ],
    "05_purposes_and_labour_wave": [
        ("md", "# What ties are for: the seasonal-labour wave\n\nBui (*Environment and Planning C* 44(4), 2026) argues that "
               "Korean local governments' ties with Vietnam moved from 1990s motives (globalisation, revived local autonomy, "
               "investment) to 2020s labour-migration projects driven by Korea's demographic crisis. Since Vietnam's "
               "Resolution 59/NQ-CP (2022), Korean counties sign seasonal-worker agreements with Vietnamese provinces, "
               "districts or their labour departments. Every agreement (event) in vnsister carries purpose tags from a "
               "fixed vocabulary, and purposes are counted by the date of the agreement that set them, not by the year the "
               "tie was founded (a 1996 tie's 2024 labour agreement counts in 2024)."),
        ("code", setup("from vnsister.findings import compare", "from vnsister.purposes import PURPOSE_LABELS, VOCABULARY, purpose_shares, purposes_by_period")
                 + "\nprint(VOCABULARY)"),
        ("md", "## Purpose mix of agreements with Korean partners by decade of the agreement"),
        ("code", "mix = purposes_by_period(ds).rename(columns=PURPOSE_LABELS)\nshares = mix.div(mix.sum(axis=1), axis=0)\nfig, ax = plt.subplots(figsize=(10, 4))\n"
                 "shares.plot.bar(stacked=True, ax=ax, colormap='tab20', width=0.8)\n"
                 "ax.set(xlabel='decade of the agreement', ylabel='share of purpose tags', title='Purposes of agreements with Korean localities')\n"
                 "ax.legend(bbox_to_anchor=(1.01, 1), fontsize=8)\n"
                 "add_caption(fig, caption(ds, int(mix.to_numpy().sum()), 'purpose tags of agreements with Korean places',\n"
                 "                         period='by the date of each agreement', notes='An agreement counts once for each purpose '\n"
                 "                         'it names, and once as untagged if it names none; the last bar holds the undated agreements.'))\nmix"),
        ("md", "## Timeline of labour agreements against Resolution 59/NQ-CP (2022)"),
        ("code", "labour = purpose_shares(ds, 'seasonal_labour')\ndated = labour.drop('undated', errors='ignore').rename(index=int)\n"
                 "fig, ax = plt.subplots(figsize=(10, 4))\n"
                 "ax.bar(dated.index, dated['agreements'], color='#bbbbbb', label='agreements signed')\n"
                 "ax.bar(dated.index, dated['with_purpose'], color='#c0392b', label='of which seasonal-labour agreements')\n"
                 "ax.axvline(2021.5, color='k', ls='--', lw=0.8)\nax.text(2021.6, ax.get_ylim()[1] * 0.9, 'Resolution 59/NQ-CP\\n(2022)', fontsize=8)\n"
                 "undated = int(labour.loc['undated', 'agreements']) if 'undated' in labour.index else 0\n"
                 "ax.set(xlabel='year of the agreement', ylabel='agreements with Korean places', title=f'{undated} undated not shown')\n"
                 "ax.legend()\nadd_caption(fig, caption(ds, int(dated['agreements'].sum()), 'dated agreements with Korean places',\n"
                 "                         period='by the year of each agreement', notes=f'{undated} undated agreements are not shown; '\n"
                 "                         'the last year is partial (to the release date).'))\nlabour.tail(10)"),
        ("code", "before = dated.loc[dated.index < 2022]\nafter = dated.loc[dated.index >= 2022]\n"
                 "print(f\"Seasonal-labour agreements: {int(before['with_purpose'].sum())} of {int(before['agreements'].sum())} agreements \"\n"
                 "      f\"before 2022, {int(after['with_purpose'].sum())} of {int(after['agreements'].sum())} from 2022 on \"\n"
                 "      f\"({undated} agreements undated).\")"),
        ("code", "parties = ds.ties()[['tie_id', 'partner_country', 'vn_name_local', 'partner_name_en', 'partner_level']]\n"
                 "events = ds.events.merge(parties, on='tie_id')\n"
                 "labour_events = events[(events['partner_country'] == 'KR') & events['purposes'].fillna('').str.contains('seasonal_labour')]\n"
                 "labour_events.assign(year=labour_events['date'].str.slice(0, 4)).groupby('year').size().rename('seasonal-labour agreements')"),
        ("md", "## Who drives the wave: counties or metropolitan cities?"),
        ("code", "labour_ties = labour_events.drop_duplicates('tie_id')\nlabour_ties['partner_level'].value_counts().rename('ties with a seasonal-labour agreement, by Korean level')"),
        ("md", "## The published figure: 16 Vietnamese provinces/cities by September 2025\n\nCounted on the post-2025 map "
               "(a district's agreement counts for its province), any party level, through `vnsister.findings`."),
        ("code", "compare(ds).set_index('finding_id').loc[['VN-KR-SEASONAL-2025-09']]"),
        ("code", "share_gun = (labour_ties['partner_level'] == 'county').mean()\n"
                 "print(f\"Reading (release {ds.version}): dated by the agreements themselves, seasonal-labour agreements with Korean \"\n"
                 "      f\"localities number {int(before['with_purpose'].sum())} before 2022 and {int(after['with_purpose'].sum())} from 2022 on; \"\n"
                 "      f\"{share_gun:.0%} of the ties carrying one are with Korean counties (gun). The dataset records only \"\n"
                 "      f\"agreements that public sources document, so these counts are lower bounds.\")"),
    ],
}


def main() -> None:
    OUT.mkdir(exist_ok=True)
    for name, cells in NOTEBOOKS.items():
        notebook = new_notebook(cells=[new_markdown_cell(src) if kind == "md" else new_code_cell(src) for kind, src in cells])
        notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        for index, cell in enumerate(notebook.cells):
            cell["id"] = f"{name}-{index}"
        nbformat.write(notebook, OUT / f"{name}.ipynb")
    print(f"wrote {len(NOTEBOOKS)} notebooks to {OUT}")


if __name__ == "__main__":
    main()
