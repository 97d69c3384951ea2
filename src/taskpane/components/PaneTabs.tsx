// The analysis tabs. A task pane can be 320 px wide, where the four Japanese tab names do not fit
// on one line: Fluent's Overflow hides the tabs that do not fit and lists them in a menu ("他 n
// 件") at the end of the row, keeping the chosen tab visible (Fluent's documented TabList
// overflow pattern, so no measuring code of our own).

import * as React from "react";
import {
  Button,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Overflow,
  OverflowItem,
  Tab,
  TabList,
  useIsOverflowItemVisible,
  useOverflowMenu,
} from "@fluentui/react-components";
import { useTranslation } from "react-i18next";

export interface PaneTabsProps<K extends string> {
  tabs: readonly K[];
  selected: K;
  label: string;
  onSelect(tab: K): void;
}

function OverflowMenuItem<K extends string>(p: { tab: K; onSelect(tab: K): void }): React.ReactElement | null {
  const { t } = useTranslation();
  const visible = useIsOverflowItemVisible(p.tab);
  if (visible) return null;
  return (
    <MenuItem data-testid={`tab-menu-${p.tab}`} onClick={() => p.onSelect(p.tab)}>
      {t(`tabs.${p.tab}`)}
    </MenuItem>
  );
}

function OverflowMenu<K extends string>(p: { tabs: readonly K[]; onSelect(tab: K): void }): React.ReactElement | null {
  const { t } = useTranslation();
  const { ref, isOverflowing, overflowCount } = useOverflowMenu<HTMLButtonElement>();
  if (!isOverflowing) return null;
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <Button appearance="transparent" ref={ref} data-testid="tab-more" aria-haspopup="menu">
          {t("tabs.more", { n: overflowCount })} ▾
        </Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {p.tabs.map((k) => (
            <OverflowMenuItem key={k} tab={k} onSelect={p.onSelect} />
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}

export function PaneTabs<K extends string>(p: PaneTabsProps<K>): React.ReactElement {
  const { t } = useTranslation();
  return (
    <Overflow minimumVisible={1}>
      <TabList selectedValue={p.selected} onTabSelect={(_, d) => p.onSelect(d.value as K)} aria-label={p.label}>
        {p.tabs.map((k) => (
          // The chosen tab has the higher priority, so it is the last to go into the menu.
          <OverflowItem key={k} id={k} priority={k === p.selected ? 2 : 1}>
            <Tab value={k} data-testid={`tab-${k}`}>
              {t(`tabs.${k}`)}
            </Tab>
          </OverflowItem>
        ))}
        <OverflowMenu tabs={p.tabs} onSelect={p.onSelect} />
      </TabList>
    </Overflow>
  );
}
