"""The same work as `ripple analyze TABLE.csv --shock SHOCK.csv --json OUT` in numpy/scipy, for
`npm run bench`'s ratio: read the CSV (the synthetic layout of test/bench/synthetic-csv), A, L,
output multipliers, value-added effects and Type I multipliers, linkages, one shock's three
stages, and the JSON. Run single-threaded (OPENBLAS_NUM_THREADS=1) by the bench.

  python3 numpy_io.py TABLE.csv SHOCK.csv OUT.json      whole job (timed by the caller)
  python3 numpy_io.py --kernels N                       seconds of LU and of inverse at size N
"""
import json
import sys
import time

import numpy as np


def kernels(n: int) -> None:
    import scipy.linalg as sl

    rng = np.random.default_rng(n)
    a = np.eye(n) - rng.random((n, n)) * (0.5 / n)
    t0 = time.perf_counter()
    lu, piv = sl.lu_factor(a, check_finite=False)
    t1 = time.perf_counter()
    sl.lu_solve((lu, piv), np.eye(n), check_finite=False)
    t2 = time.perf_counter()
    print(json.dumps({"factor": t1 - t0, "inverse": t2 - t1}))


def job(table: str, shock_path: str, out: str) -> None:
    import csv

    with open(table, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    header = rows[0]
    n = sum(1 for h in header[1:] if h.startswith("S"))
    names = header[1 : n + 1]
    body = np.array([[float(v or 0) for v in r[1 : n + 3]] for r in rows[1 : n + 1]])
    Z = body[:, :n]
    h = body[:, n]
    x = body[:, n + 1]
    va_rows = np.array([[float(v or 0) for v in r[1 : n + 1]] for r in rows[n + 1 : n + 3]])
    A = Z / x
    v = va_rows.sum(axis=0) / x
    wc = va_rows[0] / x
    L = np.linalg.inv(np.eye(n) - A)
    colsum = L.sum(axis=0)
    rowsum = L.sum(axis=1)
    va_eff = v @ L
    comp_eff = wc @ L
    with open(shock_path, newline="", encoding="utf-8") as f:
        pairs = [(r[0], float(r[1])) for r in csv.reader(f) if r]
    idx = {s: i for i, s in enumerate(names)}
    f = np.zeros(n)
    for s, val in pairs:
        f[idx[s]] += val
    direct = f
    first = L @ f - f
    income = wc @ (L @ f)
    hc = h / h.sum()
    second = L @ (0.734 * income * hc)
    res = {
        "sectors": names,
        "importType": "domestic",
        "A": A.tolist(),
        "L": L.tolist(),
        "multipliers": {"output": colsum.tolist(), "valueAdded": (va_eff / v).tolist(), "compensation": (comp_eff / wc).tolist()},
        "effects": {"valueAdded": va_eff.tolist(), "compensation": comp_eff.tolist()},
        "linkages": {"backward": (colsum / colsum.mean()).tolist(), "forward": (rowsum / rowsum.mean()).tolist()},
        "impact": {"direct": direct.tolist(), "firstIndirect": first.tolist(), "secondIndirect": second.tolist()},
    }
    with open(out, "w", encoding="utf-8") as g:
        json.dump(res, g)


if __name__ == "__main__":
    if sys.argv[1] == "--kernels":
        kernels(int(sys.argv[2]))
    else:
        job(sys.argv[1], sys.argv[2], sys.argv[3])
