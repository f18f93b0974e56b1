"""Write sample_data/: synthetic quarterly reports of all 10 units, 2009Q1-2010Q2.

Deterministic (fixed seed). The files come in the forms districts send:
GB18030 and UTF-8 CSV (with and without BOM), .xlsx, Chinese headers mostly,
one district in English headers, one with a title row, one with thousands
separators and required-field stars, one as a folder of per-quarter files, and
two as the printed statistical form (统计报表): 商河县 as an Excel 97-2003 .xls
(a 填表说明 sheet, then one form sheet per year) and 天桥区 as a form-shaped
.xlsx (title, 填报单位 and 单位 lines, a two-row merged header, units in the
header, a 合计 row holding the true sums, a 填表人/审核人 footer). The figures
are the same whatever the shape.
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


# --------------------------------------------------------------------------- the printed form (统计报表)

#: group headers over their columns (the second header row holds the names)
GROUPS = {"创业培训": ("trained", "passed", "served", "started"),
          "新增创业实体": ("new_individual_businesses", "new_private_enterprises")}
#: units written after a count's name in the form-shaped .xlsx
UNITS = {"guidance": "人", "trained": "人", "passed": "人", "new_jobs": "人",
         "new_individual_businesses": "户", "new_private_enterprises": "户",
         "city_incubators": "个", "local_incubators": "个"}
QUARTER_ZH = {1: "第一季度", 2: "第二季度", 3: "第三季度", 4: "第四季度"}


def form_cells(code, rows, title, units=False, spelled=False):
    """A printed form's cells (rows of values from A1) and merged ranges (0-based, inclusive:
    (first row, last row, first column, last column)).

    The 合计 row sums the flows of the rows above; the stocks (incubators) and the level are left
    blank there, as a form does (a stock summed over quarters means nothing).
    """
    keys = list(COLUMNS)
    last = len(keys) - 1
    top, bottom, merged = [], [], [(0, 0, 0, last)]
    for i, k in enumerate(keys):
        name = COLUMNS[k].zh + (f"（{UNITS[k]}）" if units and k in UNITS else "")
        group = next((g for g, ks in GROUPS.items() if k in ks), None)
        if group is None:
            top.append(name)
            bottom.append(None)
            merged.append((3, 4, i, i))
        else:
            first = GROUPS[group][0] == k
            top.append(group if first else None)
            bottom.append(name)
            if first:
                merged.append((3, 3, i, keys.index(GROUPS[group][-1])))
    cells = [[title], [f"填报单位：{DISTRICTS[code]}人力资源和社会保障局"], ["单位：人、户、个"], top, bottom]
    for r in rows:
        values = [r[k] if r[k] != "" else None for k in keys]
        if spelled:
            values[keys.index("year")] = f"{r['year']}年"
            values[keys.index("quarter")] = QUARTER_ZH[r["quarter"]]
        cells.append(values)
    total = [None] * len(keys)
    total[0] = "合计"
    for i, k in enumerate(keys):
        if COLUMNS[k].kind == "flow" and any(r[k] != "" for r in rows):
            total[i] = sum(r[k] for r in rows)
    cells.append(total)
    cells += [[], ["填表人：王敏", None, None, "审核人：刘强", None, None, "填报日期：2010年7月10日"],
              ["注：本表按季度填报，人数填当季发生数；孵化基地数填季末数。"]]
    return cells, merged


def write_form_xlsx(path, code, rows, span):
    """The form as an .xlsx (openpyxl): one sheet, merged header cells, units in the header."""
    cells, merged = form_cells(code, rows, f"济南市创建创业型城市工作进度统计表（{span}）", units=True)
    wb = Workbook()
    ws = wb.active
    ws.title = "季报"
    for r, values in enumerate(cells, start=1):
        for c, v in enumerate(values, start=1):
            if v is not None:
                ws.cell(row=r, column=c, value=v)
    for r0, r1, c0, c1 in merged:
        ws.merge_cells(start_row=r0 + 1, end_row=r1 + 1, start_column=c0 + 1, end_column=c1 + 1)
    wb.save(path)


def write_form_xls(path, code, rows):
    """The form as an Excel 97-2003 .xls (xlwt): a 填表说明 sheet, then one form sheet per year,
    years and quarters spelled as people type them (2009年, 第一季度)."""
    import xlwt

    wb = xlwt.Workbook(encoding="utf-8")
    notes = wb.add_sheet("填表说明")
    for i, line in enumerate(["填表说明", "1. 每季度结束后10日内报送。", "2. 人数填当季发生数，孵化基地数填季末数。",
                              "3. 合计行只合计当季发生数。"]):
        notes.write(i, 0, line)
    for year in sorted({r["year"] for r in rows}):
        ws = wb.add_sheet(f"{year}年")
        cells, merged = form_cells(code, [r for r in rows if r["year"] == year],
                                   f"济南市创建创业型城市工作进度统计表（{year}年）", spelled=True)
        covered = set()
        for r0, r1, c0, c1 in merged:
            v = cells[r0][c0] if c0 < len(cells[r0]) else None
            ws.write_merge(r0, r1, c0, c1, "" if v is None else v)
            covered |= {(r, c) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)}
        for r, values in enumerate(cells):
            for c, v in enumerate(values):
                if v is not None and (r, c) not in covered:
                    ws.write(r, c, v)
    wb.save(str(path))


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
    for code in ("370103", "370104"):
        (out / f"{name(code)}.csv").write_bytes(csv_bytes(data[code], zh, "gb18030"))
    (out / f"{name('370124')}.csv").write_bytes(csv_bytes(data["370124"], zh, "gb18030", thousands=True, stars=True))
    # the printed form: 商河县 saved from Excel 97-2003 / WPS, 天桥区 as a form-shaped .xlsx
    write_form_xls(out / f"{name('370126')}.xls", "370126", data["370126"])
    write_form_xlsx(out / f"{name('370105')}.xlsx", "370105", data["370105"], "2009年第一季度—2010年第二季度")
    (out / f"{name('370125')}.csv").write_bytes(csv_bytes(data["370125"], zh, "utf-8"))
    # English headers, columns in another order
    (out / f"{name('370113')}.csv").write_bytes(csv_bytes(data["370113"], list(reversed(en)), "utf-8"))
    folder = out / "370181_章丘市"
    folder.mkdir(exist_ok=True)
    for row in data["370181"]:
        (folder / f"{row['year']}Q{row['quarter']}.csv").write_bytes(csv_bytes([row], zh, "utf-8-sig"))


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "sample_data")
