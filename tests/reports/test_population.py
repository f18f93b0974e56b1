"""The population file (reports.population)."""

from __future__ import annotations

from chuangye_cli.reports.population import read_population


def test_a_tab_separated_text_file_is_read(tmp_path):
    """Excel's "Unicode text" (.txt: UTF-16, cells apart by tabs) is read as the reports are."""
    f = tmp_path / "population.txt"
    f.write_bytes("行政区划代码\t年度\t18-64岁人口\r\n370102\t2009\t500000\r\n370103\t2009\t610000\r\n".encode("utf-16"))
    population = read_population(str(f), ["370102", "370103"])
    assert (population.counts, population.problems) == ({("370102", 2009): 500000, ("370103", 2009): 610000}, [])


def test_a_comma_separated_file_is_read(tmp_path):
    f = tmp_path / "population.csv"
    f.write_text("district_code,year,population_18_64\n370102,2009,500000\n", encoding="utf-8")
    population = read_population(str(f), ["370102"])
    assert (population.counts, population.problems) == ({("370102", 2009): 500000}, [])


def test_a_file_longer_than_the_limit_is_refused_not_cut(tmp_path):
    """Rows past the limit were dropped in silence (the districts in them then had no population:
    no data named as such, but for the wrong reason); now the file is refused, naming the row."""
    from chuangye_cli.reports.reader import MAX_ROWS

    f = tmp_path / "population.csv"
    lines = ["district_code,year,population_18_64"] + ["370102,2009,500000"] * MAX_ROWS
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    population = read_population(str(f), ["370102"])
    assert population.counts == {}
    assert [(p.code, p.severity, p.row, p.message("en")) for p in population.problems] == [
        (
            "population-too-many-rows",
            "error",
            MAX_ROWS + 1,
            f"the population file has too many rows (at most {MAX_ROWS:,}: one per district and year); the file was "
            "not read",
        )
    ]
