"""The engine reproduces a published composite index: UNDP's Human Development Index (HDR 2023/24).

The HDR's technical notes: dimension indices = (value − min) / (max − min) between fixed goalposts
(life expectancy 20–85 years, expected schooling 0–18, mean schooling 0–15, GNI per capita
ln 100–ln 75,000 in 2017 PPP $), capped to 0–1; education = arithmetic mean of its two indices;
HDI = geometric mean of the three dimension indices. The fixture holds 30 countries (see
fixtures/hdi_2022.SOURCE.md); the HDI is published with three decimals.
"""

from pathlib import Path

import pandas as pd
import pytest

from creative_cities.composite import Framework, Method, Node, compute

FIXTURE = Path(__file__).parent / "fixtures" / "hdi_2022.csv"
TOLERANCE = 0.01  # what the network asks of a reproduction
ROUNDING = 0.0006  # three published decimals: half a unit of the last one, and a little float noise

HDI = Framework(
    [
        Node("hdi", "Human Development Index", None),
        Node("health", "Long and healthy life", "hdi"),
        Node("education", "Knowledge", "hdi"),
        Node("income", "A decent standard of living", "hdi"),
        Node("le", "Life expectancy at birth", "health", goalposts=(20, 85), unit="years"),
        Node("eys", "Expected years of schooling", "education", goalposts=(0, 18), unit="years"),
        Node("mys", "Mean years of schooling", "education", goalposts=(0, 15), unit="years"),
        Node(
            "gnipc",
            "Gross national income per capita",
            "income",
            goalposts=(100, 75_000),
            unit="2017 PPP $",
            transform="log",
        ),
    ]
)

HDR_METHOD = Method(
    normalisation="goalposts",
    scale=1.0,
    outliers="none",
    weights="equal",
    aggregation="arithmetic",
    aggregation_by_level={3: "geometric"},
)


def published(year: int) -> tuple[pd.DataFrame, pd.Series]:
    table = pd.read_csv(FIXTURE, keep_default_na=False, na_values=[""]).set_index("iso3")
    data = table[[f"{code}_{year}" for code in HDI.indicators]]
    data.columns = HDI.indicators
    return data, table[f"hdi_{year}"]


@pytest.mark.parametrize("year", [2022, 2021])
def test_the_engine_reproduces_the_published_hdi_of_every_country(year):
    data, hdi = published(year)

    scores = compute(data, HDI, HDR_METHOD).scores["hdi"]

    errors = (scores - hdi).abs()
    assert len(errors) == 30
    assert errors.max() <= TOLERANCE
    assert errors.max() <= ROUNDING, errors.sort_values().tail()


def test_life_expectancy_above_the_upper_goalpost_is_capped():
    # Hong Kong's 85.473 years in 2021 exceed the 85-year goalpost: its health index is 1, not 1.007.
    data, _ = published(2021)

    result = compute(data, HDI, HDR_METHOD)

    assert data.loc["HKG", "le"] > 85
    assert result.scores.loc["HKG", "health"] == 1.0


def test_income_index_is_computed_on_logarithms():
    data, _ = published(2022)

    result = compute(data, HDI, HDR_METHOD)

    # Afghanistan: (ln 1,335.2 − ln 100) / (ln 75,000 − ln 100) = 0.3915.
    assert result.scores.loc["AFG", "income"] == pytest.approx(0.39148, abs=1e-4)
