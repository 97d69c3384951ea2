// Watching a run from inside the pane's page: the longest gap between 10 ms timer ticks on the
// pane's thread (a freeze shows as a long gap), the progress labels shown, and when 中止 was
// pressed and when the pane said the run stopped — all on the page's own clock.
import type { Page } from "playwright-core";

interface Watched {
  __stages: string[];
  __maxGap: number;
  __last: number;
  __cancelAt: number;
  __cancelledAt: number;
}

/** Start watching; `cancel` and `stage` are the data-testid of the flow's 中止 button and label. */
export function watchRun(page: Page, ids: { cancel: string; stage: string }): Promise<void> {
  return page.evaluate(({ cancel, stage }) => {
    const w = window as unknown as Watched;
    w.__stages = [];
    w.__cancelAt = 0;
    w.__cancelledAt = 0;
    document.addEventListener("click", (ev) => {
      if ((ev.target as Element).closest(`[data-testid="${cancel}"]`)) w.__cancelAt = performance.now();
    }, true);
    w.__maxGap = 0;
    w.__last = performance.now();
    setInterval(() => {
      const now = performance.now();
      w.__maxGap = Math.max(w.__maxGap, now - w.__last);
      w.__last = now;
    }, 10);
    new MutationObserver(() => {
      const t = document.querySelector(`[data-testid="${stage}"]`)?.textContent ?? null;
      if (t !== null && t !== w.__stages[w.__stages.length - 1]) w.__stages.push(t);
      if (w.__cancelAt && !w.__cancelledAt && document.body.textContent?.includes("中止しました。")) w.__cancelledAt = performance.now();
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  }, ids);
}

export const stages = (page: Page) => page.evaluate(() => (window as unknown as Watched).__stages);
export const resetStages = (page: Page) => page.evaluate(() => ((window as unknown as Watched).__stages = []));
export const resetGap = (page: Page) => page.evaluate(() => ((window as unknown as Watched).__maxGap = 0));
export const maxGap = (page: Page) => page.evaluate(() => (window as unknown as Watched).__maxGap);
