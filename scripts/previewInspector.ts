// The "fake workbook inspector" of `npm run preview` (scripts/preview.ts): a panel beside the
// task pane that shows what the pane did to the fake Excel workbook — its sheets, the cells
// written and the charts. Bundled into the preview page only, never into the add-in: in Excel
// the workbook itself shows all this.
//
// Plain DOM, no React: it must not share anything with the pane it watches.

import type { FakeChart, FakeValue, FakeWorkbook } from "../test/workbook/office/fakeExcel";
import { a1, columnLetters } from "../src/engine/grid";

const MAX_ROWS = 150;
const MAX_COLS = 14;
const MAX_WRITES = 60;

const w = window as unknown as { __fakeWorkbook?: FakeWorkbook };

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: { text?: string; cls?: string; testid?: string; title?: string } = {},
  children: (Node | string)[] = [],
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (props.text !== undefined) e.textContent = props.text;
  if (props.cls) e.className = props.cls;
  if (props.testid) e.dataset.testid = props.testid;
  if (props.title) e.title = props.title;
  for (const c of children) e.append(c);
  return e;
}

const STYLE = `
body { margin: 0; display: flex; align-items: flex-start; background: #f3f2f1; }
#root { width: 460px; flex: none; background: #fff; min-height: 100vh; box-shadow: 0 0 4px rgba(0,0,0,.2); }
#ripple-preview-inspector { flex: 1; min-width: 0; position: sticky; top: 0; height: 100vh; overflow: auto;
  box-sizing: border-box; padding: 12px 16px; font: 13px/1.45 "Noto Sans CJK JP", "Yu Gothic UI", "Meiryo", sans-serif; color: #201f1e; }
#ripple-preview-inspector h2 { font-size: 16px; margin: 0 0 2px; }
#ripple-preview-inspector h3 { font-size: 14px; margin: 14px 0 4px; }
#ripple-preview-inspector .badge { display: inline-block; background: #fde7e9; color: #a4262c; border: 1px solid #a4262c;
  border-radius: 3px; padding: 0 6px; font-size: 12px; margin-bottom: 6px; }
#ripple-preview-inspector .note { color: #605e5c; font-size: 12px; margin: 0 0 8px; }
#ripple-preview-inspector table { border-collapse: collapse; background: #fff; }
#ripple-preview-inspector th, #ripple-preview-inspector td { border: 1px solid #d2d0ce; padding: 1px 6px; white-space: nowrap;
  max-width: 260px; overflow: hidden; text-overflow: ellipsis; text-align: left; }
#ripple-preview-inspector th { background: #edebe9; font-weight: 600; }
#ripple-preview-inspector td.num { text-align: right; font-variant-numeric: tabular-nums; }
#ripple-preview-inspector tr.selected td { background: #deecf9; }
#ripple-preview-inspector button.link { border: 0; background: none; color: #0f6cbd; cursor: pointer; padding: 0; font: inherit; text-decoration: underline; }
#ripple-preview-inspector .grid { overflow: auto; max-height: 420px; }
`;

function formatValue(v: FakeValue): string {
  if (v === null) return "";
  if (typeof v === "number") return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(10)));
  return String(v);
}

/** Non-empty cells of a sheet. */
function cellCount(wb: FakeWorkbook, name: string): number {
  let n = 0;
  for (const row of wb.sheet(name).rows.values()) for (const c of row.values()) if (c.value !== "" || c.formula) n++;
  return n;
}

function usedAddress(wb: FakeWorkbook, name: string): string {
  const u = wb.sheet(name).used(true);
  if (!u) return "—";
  const first = a1(u.row, u.col);
  const last = a1(u.row + u.rows - 1, u.col + u.cols - 1);
  return first === last ? first : `${first}:${last}`;
}

function chartLine(c: FakeChart): string {
  const series = c.series.map((s) => s.name).join("、");
  return `${c.type}${c.title ? `「${c.title}」` : ""} — 系列 series: ${series}`;
}

class Inspector {
  private readonly root = el("aside", { testid: "preview-inspector" });
  private readonly initial: Set<string>;
  private selected: string | null = null;
  private userChose = false;
  private lastKey = "";

  constructor(private readonly wb: FakeWorkbook) {
    this.initial = new Set(wb.sheetNames());
    this.root.id = "ripple-preview-inspector";
    this.root.setAttribute("aria-label", "Fake workbook inspector");
    document.head.append(el("style", { text: STYLE }));
    document.body.append(this.root);
    this.render();
    // The fake records every sync; re-render only when something changed.
    setInterval(() => this.refresh(), 500);
  }

  private key(): string {
    return `${this.wb.syncs.length}|${this.wb.sheets.length}|${this.wb.writes.length}|${this.selected}`;
  }

  private refresh(): void {
    const k = this.key();
    if (k === this.lastKey) return;
    // Follow the newest results sheet until the user picks one.
    if (!this.userChose) {
      const fresh = this.wb.sheetNames().filter((n) => !this.initial.has(n));
      const firstOfLast = this.firstOfLastRun(fresh);
      if (firstOfLast) this.selected = firstOfLast;
    }
    this.render();
  }

  /** The first sheet written by the most recent Excel.run that added sheets. */
  private firstOfLastRun(fresh: string[]): string | null {
    if (fresh.length === 0) return null;
    const adds = this.wb.writes.filter((x) => x.kind === "addSheet" && fresh.includes(x.sheet));
    if (adds.length === 0) return fresh[fresh.length - 1];
    const lastRun = this.wb.syncs[adds[adds.length - 1].sync]?.run;
    const ofRun = adds.find((x) => this.wb.syncs[x.sync]?.run === lastRun);
    return ofRun ? ofRun.sheet : fresh[fresh.length - 1];
  }

  private render(): void {
    this.lastKey = this.key();
    const wb = this.wb;
    const names = wb.sheetNames();
    if (this.selected && !names.includes(this.selected)) this.selected = null;
    this.root.replaceChildren(
      el("h2", { text: "偽ブックの中身 Fake workbook inspector" }),
      el("div", { cls: "badge", text: "プレビュー専用 — アドインには含まれません / preview only, not part of the add-in" }),
      el("p", {
        cls: "note",
        text:
          "Excel の代わりに記録用の偽ホストが動いています。ペインで実行すると、書き込まれたシート・セル・グラフがここに出ます。" +
          " A recording fake Excel host stands in for office.js; what the pane writes shows here.",
      }),
      el("p", {
        cls: "note",
        testid: "preview-stats",
        text: `シート ${names.length} 枚 sheets · 同期 ${wb.syncs.length} 回 syncs · 書き込み ${wb.writes.length} 件 writes · 最大の要求 largest request ${wb.maxRequestBytes().toLocaleString("en")} B`,
      }),
      this.sheetTable(names),
      ...this.sheetDetail(),
      ...this.chartList(),
    );
  }

  private sheetTable(names: string[]): HTMLElement {
    const head = el("tr", {}, ["シート Sheet", "種類 Kind", "使用範囲 Used range", "セル Cells", "書き込み Writes", "グラフ Charts"].map((h) => el("th", { text: h })));
    const rows = names.map((n) => {
      const pick = el("button", { cls: "link", text: n });
      pick.addEventListener("click", () => {
        this.selected = n;
        this.userChose = true;
        this.render();
      });
      const tr = el("tr", { cls: n === this.selected ? "selected" : "" }, [
        el("td", {}, [pick]),
        el("td", { text: this.initial.has(n) ? "入力 input" : "新規 new" }),
        el("td", { text: usedAddress(this.wb, n) }),
        el("td", { cls: "num", text: String(cellCount(this.wb, n)) }),
        el("td", { cls: "num", text: String(this.wb.writesTo(n).length) }),
        el("td", { cls: "num", text: String(this.wb.sheet(n).charts.length) }),
      ]);
      tr.dataset.sheet = n;
      return tr;
    });
    return el("div", {}, [el("h3", { text: "シート Sheets" }), el("table", { testid: "preview-sheets" }, [el("thead", {}, [head]), el("tbody", {}, rows)])]);
  }

  private sheetDetail(): HTMLElement[] {
    const name = this.selected;
    if (!name) return [el("p", { cls: "note", text: "シート名を押すと中身を表示します。Click a sheet name to see its cells." })];
    const sheet = this.wb.sheet(name);
    const u = sheet.used(false);
    const out: HTMLElement[] = [el("h3", { text: `「${name}」のセル Cells` })];
    if (!u) {
      out.push(el("p", { cls: "note", text: "空のシート empty sheet" }));
    } else {
      const rows = Math.min(u.row + u.rows, MAX_ROWS);
      const cols = Math.min(u.col + u.cols, MAX_COLS);
      const head = el("tr", {}, [el("th", { text: "" }), ...Array.from({ length: cols }, (_, c) => el("th", { text: columnLetters(c) }))]);
      const body = Array.from({ length: rows }, (_, r) =>
        el("tr", {}, [
          el("th", { text: String(r + 1) }),
          ...Array.from({ length: cols }, (_, c) => {
            const cell = sheet.cell(r, c);
            const v = sheet.value(r, c);
            const td = el("td", {
              cls: typeof v === "number" ? "num" : "",
              text: cell?.formula && v === null ? cell.formula : formatValue(v),
              title: cell?.formula ? `${a1(r, c)}: ${cell.formula}` : `${a1(r, c)}${cell?.numberFormat ? ` (${cell.numberFormat})` : ""}`,
            });
            return td;
          }),
        ]),
      );
      out.push(el("div", { cls: "grid" }, [el("table", { testid: "preview-cells" }, [el("thead", {}, [head]), el("tbody", {}, body)])]));
      if (u.row + u.rows > MAX_ROWS || u.col + u.cols > MAX_COLS)
        out.push(el("p", { cls: "note", text: `先頭 ${MAX_ROWS} 行 × ${MAX_COLS} 列のみ表示 (first ${MAX_ROWS} rows × ${MAX_COLS} columns shown)` }));
    }
    const writes = this.wb.writesTo(name);
    out.push(el("h3", { text: `「${name}」への書き込み Writes (${writes.length})` }));
    if (writes.length === 0) out.push(el("p", { cls: "note", text: "書き込みなし（入力シートはそのまま） — nothing written" }));
    else
      out.push(
        el("table", { testid: "preview-writes" }, [
          el("thead", {}, [el("tr", {}, ["#", "同期 sync", "種類 kind", "範囲 address"].map((h) => el("th", { text: h })))]),
          el(
            "tbody",
            {},
            writes.slice(0, MAX_WRITES).map((x) =>
              el("tr", {}, [
                el("td", { cls: "num", text: String(x.seq) }),
                el("td", { cls: "num", text: String(x.sync) }),
                el("td", { text: x.kind }),
                el("td", { text: x.address ?? x.detail ?? "" }),
              ]),
            ),
          ),
        ]),
      );
    if (writes.length > MAX_WRITES) out.push(el("p", { cls: "note", text: `先頭 ${MAX_WRITES} 件のみ表示 (first ${MAX_WRITES} shown)` }));
    return out;
  }

  private chartList(): HTMLElement[] {
    const charts = this.wb.charts();
    return [
      el("h3", { text: `グラフ Charts (${charts.length})` }),
      charts.length === 0
        ? el("p", { cls: "note", text: "グラフはまだありません。No charts yet." })
        : el("ul", { testid: "preview-charts" }, charts.map((c) => el("li", { text: `${c.sheet}: ${chartLine(c)}` }))),
    ];
  }
}

function start(): void {
  const wb = w.__fakeWorkbook;
  if (!wb) throw new Error("preview inspector: window.__fakeWorkbook is missing (the fake office.js did not load)");
  new Inspector(wb);
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
