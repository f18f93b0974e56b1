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
