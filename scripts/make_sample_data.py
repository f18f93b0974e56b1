"""Write sample_data/: synthetic quarterly reports of all 10 units, 2009Q1-2010Q2.

Deterministic (fixed seed). The files come in the forms districts send:
GB18030 and UTF-8 CSV (with and without BOM), .xlsx, Chinese headers mostly,
one district in English headers, one with a title row, one with thousands
separators and required-field stars, one as a folder of per-quarter files.
The city meets most targets and falls behind on the follow-up service rate
and on one district's incubators.

    python scripts/make_sample_data.py [OUT_DIR]
"""

from __future__ import annotations

import csv
import io
import random
import sys
from pathlib import Path

from openpyxl import Workbook

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from chuangye_cli.reports.rows import COLUMNS  # noqa: E402

DISTRICTS = {
    "370102": "历下区", "370103": "市中区", "370104": "槐荫区", "370105": "天桥区", "370112": "历城区",
    "370113": "长清区", "370124": "平阴县", "370125": "济阳县", "370126": "商河县", "370181": "章丘市",
}
QUARTERS = [(2009, 1), (2009, 2), (2009, 3), (2009, 4), (2010, 1), (2010, 2)]
# local incubators at 2010Q2 (商河县 lags), city-level incubators at 2010Q2
LOCAL_END = {"370102": 6, "370103": 5, "370104": 4, "370105": 4, "370112": 6,
             "370113": 4, "370124": 4, "370125": 5, "370126": 3, "370181": 5}
CITY_END = {"370102": 4, "370103": 3, "370104": 2, "370105": 2, "370112": 4,
            "370113": 2, "370124": 2, "370125": 3, "370126": 1, "370181": 3}
LEVEL_END = {"370102": "达到", "370112": "基本达到", "370125": "达到", "370124": "未达到"}
# districts whose follow-up service falls a little short of 100%
SERVICE_SHORT = {"370104": 3, "370126": 2}


def rows_for(code: str, rng: random.Random) -> list[dict[str, object]]:
    out = []
    for i, (year, q) in enumerate(QUARTERS):
        trained = rng.randint(115, 150)
        passed = round(trained * rng.uniform(0.91, 0.96))
        served = passed - (SERVICE_SHORT.get(code, 0) if i in (2, 4) else 0)
        tracked = rng.randint(14, 26)
        survey_valid = rng.randint(80, 120)
        new_entrepreneurs = rng.randint(100, 140)
        level = LEVEL_END.get(code, "基本达到") if i >= 4 else ("基本达到" if code in LEVEL_END and i >= 2 else "未达到")
        out.append({
            "district_code": code,
            "district_name": DISTRICTS[code],
            "year": year,
            "quarter": q,
            "guidance": rng.randint(135, 175),
            "trained": trained,
            "passed": passed,
            "served": served,
            "started": round(passed * rng.uniform(0.70, 0.78)),
            "new_individual_businesses": rng.randint(190, 220),
            "new_private_enterprises": rng.randint(65, 85),
            "new_jobs": rng.randint(1250, 1400),
            "survival_tracked": tracked,
            "survival_alive": round(tracked * rng.uniform(0.80, 0.90)),
            "city_incubators": max(0, CITY_END[code] - (5 - i) // 2),
            "local_incubators": max(1, LOCAL_END[code] - (5 - i) // 2),
            "provincial_standard": level,
            "new_entrepreneurs": new_entrepreneurs,
            "startup_jobs": new_entrepreneurs * rng.randint(3, 5),
            "survey_valid": survey_valid,
            "survey_satisfied": round(survey_valid * rng.uniform(0.82, 0.92)),
            "remarks": "",
        })
    out[-1]["remarks"] = "本季度新认定孵化基地1个" if code in ("370102", "370112") else ""
    return out


def csv_bytes(rows, headers, encoding, thousands=False, stars=False):
    buf = io.StringIO(newline="")
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow([h + ("*" if stars and COLUMNS[k].required else "") for k, h in headers])
    for r in rows:
        cells = []
        for k, _ in headers:
            v = r[k]
            if thousands and isinstance(v, int) and k not in ("year", "quarter") and v >= 1000:
                v = f"{v:,}"
            cells.append(v)
        w.writerow(cells)
    return buf.getvalue().encode(encoding)


def write_xlsx(path, rows, headers, title=None):
    wb = Workbook()
    ws = wb.active
    ws.title = "季报"
    if title:
        ws.append([title])
    ws.append([h for _, h in headers])
    for r in rows:
        ws.append([r[k] if r[k] != "" else None for k, _ in headers])
    wb.save(path)


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(2009)
    zh = [(k, c.zh) for k, c in COLUMNS.items()]
    en = [(k, k) for k in COLUMNS]
    data = {code: rows_for(code, rng) for code in DISTRICTS}
    span = "2009Q1-2010Q2"

    def name(code):
        return f"{code}_{DISTRICTS[code]}_{span}"

    write_xlsx(out / f"{name('370102')}.xlsx", data["370102"], zh, title="济南市创建创业型城市工作季报表（历下区）")
    write_xlsx(out / f"{name('370112')}.xlsx", data["370112"], zh)
    for code in ("370103", "370104", "370126"):
        (out / f"{name(code)}.csv").write_bytes(csv_bytes(data[code], zh, "gb18030"))
    (out / f"{name('370124')}.csv").write_bytes(csv_bytes(data["370124"], zh, "gb18030", thousands=True, stars=True))
    (out / f"{name('370105')}.csv").write_bytes(csv_bytes(data["370105"], zh, "utf-8-sig"))
    (out / f"{name('370125')}.csv").write_bytes(csv_bytes(data["370125"], zh, "utf-8"))
    # English headers, columns in another order
    (out / f"{name('370113')}.csv").write_bytes(csv_bytes(data["370113"], list(reversed(en)), "utf-8"))
    folder = out / "370181_章丘市"
    folder.mkdir(exist_ok=True)
    for row in data["370181"]:
        (folder / f"{row['year']}Q{row['quarter']}.csv").write_bytes(csv_bytes([row], zh, "utf-8-sig"))


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "sample_data")
