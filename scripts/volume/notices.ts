/** Made-up community notices for the volume generator (pure: the same seed and index, the same notice). */
import { rowRandom, type TRandom, type TRowInput } from "./prng";
import { plantedNotices } from "./planted";
import { vocabulary } from "./vocabulary";
import { addDays, dayMs, momentOn, paragraph, years, type TCommunityRef } from "./content";

export type TGeneratedNotice = {
  title: string;
  titleEn: string | null;
  body: string;
  category: string;
  pinned: boolean;
  source: string;
  communities: string[];
  publishedAt: Date;
  expiresAt: Date | null;
};

type TNoticeTitleMaker = (random: TRandom, place: TCommunityRef, day: string) => string;
const md = (day: string) => `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;
const noticeTitles: Record<string, TNoticeTitleMaker[]> = {
  utilities: [
    (_r, p, d) => `关于${md(d)}${p.name}片区临时暂停供水的通知`,
    (r, p, d) => `${md(d)}${p.name}${r.pick(["计划停电", "线路检修停电", "燃气管道检修停气"])}通知`,
    (_r, p) => `${p.name}二次供水设施清洗消毒告知`,
  ],
  activities: [
    (r, p) =>
      `${p.name}${r.pick(["邻里节", "亲子读书会", "书画展", "健康讲座", "志愿服务日", "端午包粽子", "中秋游园会", "文艺汇演"])}活动通知`,
    (r, p) => `${p.name}“${r.pick(["幸福邻里", "快乐周末", "银龄课堂", "少儿四点半课堂"])}”活动报名`,
  ],
  announcements: [
    (r, p) =>
      `${p.name}关于${r.pick(["小区环境卫生整治", "楼道杂物清理", "垃圾分类投放", "公共收益公示", "居民议事会召开"])}的通知`,
    (r, p, d) =>
      `${p.streetName}${md(d)}${r.pick(["居民代表会议", "物业服务满意度测评", "人口抽样调查入户"])}公告`,
  ],
  emergency: [
    (r, p) =>
      `${p.districtName}${r.pick(["暴雨蓝色预警", "高温橙色预警", "大风黄色预警", "寒潮蓝色预警"])}：${p.streetName}安全提示`,
    (_r, p) => `${p.name}防汛应急避险转移演练通知`,
  ],
  health: [
    (r, p) => `${p.name}${r.pick(["流感疫苗", "老年人健康体检", "儿童保健", "慢病随访", "义诊"])}服务通知`,
  ],
  elderly: [
    (r, p) =>
      `${p.name}${r.pick(["长者食堂", "高龄津贴认证", "助浴服务", "居家养老上门服务", "老年大学"])}相关事项告知`,
  ],
  employment: [
    (r, p) =>
      `${p.streetName}${r.pick(["春风行动专场招聘会", "技能培训报名", "公益性岗位招聘", "创业担保贷款政策宣讲"])}通知`,
  ],
  safety: [
    (r, p) =>
      `${p.name}${r.pick(["电动自行车充电安全", "冬季消防安全", "反电信诈骗", "防范养老诈骗", "燃气使用安全"])}提示`,
  ],
};
const noticeCategoryWeights: [string, number][] = [
  ["utilities", 20],
  ["activities", 20],
  ["announcements", 20],
  ["emergency", 6],
  ["health", 10],
  ["elderly", 10],
  ["employment", 8],
  ["safety", 6],
];

function noticeBody(random: TRandom, place: TCommunityRef): string {
  const { noticeClauses } = vocabulary();
  const paragraphs = Array.from({ length: random.int(2, 3) }, () => paragraph(random, noticeClauses));
  return `各位居民：\n\n${paragraphs.join("\n\n")}\n\n如有疑问，请联系${place.name}居委会：028-${random.int(8100, 8799)}${String(random.int(0, 9999)).padStart(4, "0")}。`;
}

/** The index-th generated notice (the planted ones first), for the seeded communities. */
export function makeNotice(input: TRowInput & { communities: TCommunityRef[] }): TGeneratedNotice {
  const { seed, index, endDay, communities } = input;
  const random = rowRandom(seed, "notice", index);
  if (index < plantedNotices.length) {
    const planted = plantedNotices[index];
    const targets = planted.communities.map((i) => communities[i % communities.length]);
    return {
      title: planted.title,
      titleEn: planted.titleEn,
      body: noticeBody(random, targets[0]),
      category: planted.category,
      pinned: false,
      source: `${targets[0].streetName}办事处`,
      communities: targets.map((c) => c.code),
      publishedAt: momentOn(random, addDays(endDay, -random.int(1, 20))),
      expiresAt: null,
    };
  }
  const category = random.weighted(noticeCategoryWeights);
  const first = random.pick(communities);
  // a notice covers its community and sometimes the neighbours on the same street
  const neighbours = communities.filter((c) => c.streetName === first.streetName && c.code !== first.code);
  const targets = [first, ...(random.chance(0.3) ? neighbours : [])];
  // more notices in recent years, as the portal gains users
  const daysAgo = Math.floor(years * 365 * (1 - Math.sqrt(random.next())));
  const publishedAt = momentOn(random, addDays(endDay, -daysAgo));
  const eventDay = addDays(endDay, -daysAgo + random.int(1, 7));
  const lifetime: Record<string, [number, number] | null> = {
    utilities: [3, 8],
    activities: [7, 30],
    emergency: [2, 5],
    health: [30, 120],
    employment: [14, 60],
  };
  const range = lifetime[category];
  const expiresInDays = range ? random.int(...range) : random.chance(0.25) ? null : random.int(30, 180);
  return {
    title: random.pick(noticeTitles[category])(random, first, eventDay),
    titleEn: null,
    body: noticeBody(random, first),
    category,
    pinned: daysAgo < 30 && random.chance(0.02),
    source: random.chance(0.5) ? `${first.streetName}办事处` : `${first.name}居民委员会`,
    communities: targets.map((c) => c.code),
    publishedAt,
    expiresAt: expiresInDays === null ? null : new Date(publishedAt.getTime() + expiresInDays * dayMs),
  };
}
