"""Robust STL references from statsmodels, whose robustness weights use an exact median.

R's stl.f finds the median absolute residual with a partial sort (psort) that is occasionally
inexact, so R's robust output is not the algorithm's exact result; statsmodels ports the same
Fortran with an exact partitioned median. Debian 12: apt-get install -y python3-statsmodels.

    cd stream-processor/detection && /usr/bin/python3 src/test/python/make_stl_statsmodels_fixtures.py

Run after src/test/r/make-stl-fixtures.R: for every robust case R wrote (outer > 0), reads the
input series and R's resolved parameters from src/test/resources/stl/, decomposes with the same
parameters, and writes <case>-statsmodels.csv (same columns) plus the index fixtures-statsmodels.csv.
"""

import csv
import os

import numpy as np
import statsmodels
from statsmodels.tsa.seasonal import STL

STL_DIR = "src/test/resources/stl"


def full(value):
    return "%.17g" % value


def main():
    with open(os.path.join(STL_DIR, "fixtures-r.csv"), newline="") as index_file:
        cases = [row for row in csv.DictReader(index_file) if int(row["outer"]) > 0]
    index_rows = []
    for case in cases:
        with open(os.path.join(STL_DIR, case["name"] + ".csv"), newline="") as data_file:
            rows = list(csv.DictReader(data_file))
        x = np.array([float(row["x"]) for row in rows])
        injected = [row["injected"] for row in rows]
        fit = STL(
            x,
            period=int(case["period"]),
            seasonal=int(case["s_window"]),
            trend=int(case["t_window"]),
            low_pass=int(case["l_window"]),
            seasonal_deg=int(case["s_degree"]),
            trend_deg=int(case["t_degree"]),
            low_pass_deg=int(case["l_degree"]),
            robust=True,
            seasonal_jump=int(case["s_jump"]),
            trend_jump=int(case["t_jump"]),
            low_pass_jump=int(case["l_jump"]),
        ).fit(inner_iter=int(case["inner"]), outer_iter=int(case["outer"]))
        name = case["name"] + "-statsmodels"
        with open(os.path.join(STL_DIR, name + ".csv"), "w", newline="") as out:
            writer = csv.writer(out, lineterminator="\n")
            writer.writerow(["x", "seasonal", "trend", "remainder", "injected"])
            for row in zip(x, fit.seasonal, fit.trend, fit.resid, injected):
                writer.writerow([full(v) for v in row[:4]] + [row[4]])
        index_rows.append(dict(case, name=name, source="statsmodels", r_defaults="FALSE"))
    with open(os.path.join(STL_DIR, "fixtures-statsmodels.csv"), "w", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=list(cases[0].keys()), lineterminator="\n")
        writer.writeheader()
        writer.writerows(index_rows)
    print("statsmodels", statsmodels.__version__)


if __name__ == "__main__":
    main()
