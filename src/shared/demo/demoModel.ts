// What the screens need to know about the demo data: its campaigns' titles and the code of the
// demo's superior court, so 载入示例数据 is not offered once the demo is here (the server refuses
// a second load with E_DEMO_LOADED anyway). The data itself is in src/main/demo.

export const DEMO_NENGLI_TITLE = '“能力作风建设年”活动';
export const DEMO_QINGLIAN_TITLE = '清廉法院建设“六大工程”';
export const DEMO_ZHIXING_TITLE = '执行工作“一张清单”';
export const DEMO_CAMPAIGN_TITLES: readonly string[] = [DEMO_NENGLI_TITLE, DEMO_QINGLIAN_TITLE, DEMO_ZHIXING_TITLE];

/** The demo's superior court, which issues the campaigns the demo says a higher court issued. */
export const DEMO_SUPERIOR_CODE = 'J00';

/** The demo is loaded here: a demo campaign of this court's own, or issued by the demo superior. */
export function demoLoadedIn(campaigns: readonly { title: string; origin: string }[], ownCode: string): boolean {
  return campaigns.some(
    (c) => DEMO_CAMPAIGN_TITLES.includes(c.title) && (c.origin === ownCode || c.origin === DEMO_SUPERIOR_CODE),
  );
}
