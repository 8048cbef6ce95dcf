/**
 * The laws the seeded 办事指南 cite, each reviewed for being in force on the day given (issue 15,
 * point 7). `version` is the text the guides quote; `note` says what a reviewer should know. The
 * review was made from the texts and announcements available to the team on that day; the
 * authority is the 国家法律法规数据库 (flk.npc.gov.cn) and the 国家行政法规库, to be re-checked
 * there whenever a guide is edited. seed.test.ts fails when a guide cites a law not listed here.
 */
export type TLawReview = {
  law: string;
  status: "in force";
  version: string;
  checkedOn: string;
  note?: string;
};

const checkedOn = "2026-12-01";
const inForce = (law: string, version: string, note?: string): TLawReview => ({
  law,
  status: "in force",
  version,
  checkedOn,
  ...(note ? { note } : {}),
});

export const lawReview: TLawReview[] = [
  inForce("《中华人民共和国就业促进法》", "2015年4月24日修正"),
  inForce(
    "《就业服务与就业管理规定》（劳动和社会保障部令第28号）",
    "2022年1月7日人力资源和社会保障部令第47号第四次修订",
    "第六十二条 sets who registers employment; no law or regulation sets a processing period for 就业登记, so the guide states none (only the promise).",
  ),
  inForce(
    "《社会救助暂行办法》（国务院令第649号）",
    "2019年3月2日国务院令第709号修订",
    "The 社会救助法 draft had its first reading at the NPC Standing Committee on 2025-06-24 and its second on 2026-02-25; no enactment was found on review, and until an enacted law takes effect the 暂行办法 governs. Re-check on each review.",
  ),
  inForce("《居住证暂行条例》（国务院令第663号）", "2015年11月26日公布，2016年1月1日起施行", "第十条: 公安机关应当自受理之日起15日内制作发放居住证 (calendar days)."),
  inForce("《中华人民共和国社会保险法》", "2018年12月29日修正", "第五十七条: 十五日 (calendar days) for 社会保险登记."),
  inForce("《国务院关于建立统一的城乡居民基本养老保险制度的意见》（国发〔2014〕8号）", "2014年2月21日"),
  inForce("《医疗保障基金使用监督管理条例》（国务院令第735号）", "2021年5月1日起施行"),
  inForce("《中华人民共和国人口与计划生育法》", "2021年8月20日修正（三孩生育政策）"),
  inForce("《四川省人口与计划生育条例》", "四川省人大常委会修正文本（生育登记服务制度）", "Article number to be confirmed against the province's current text on each review."),
  inForce("《中华人民共和国民法典》", "2021年1月1日起施行"),
  inForce(
    "《婚姻登记条例》（2025年4月6日国务院令第804号修订，2025年5月10日起施行）",
    "国务院令第804号",
    "第八条第一款: 居民身份证 and a signed declaration only; no 户口簿; registration anywhere in the country.",
  ),
  inForce("《中华人民共和国教师法》", "2009年8月27日修正", "The revision published for comment on 2021-11-29 had not been submitted to the NPC Standing Committee as of 2026-03-11 (中国教育报); the 2009 text governs. Re-check on each review."),
  inForce("《教师资格条例》（国务院令第188号）", "1995年12月12日公布"),
  inForce("《公共租赁住房管理办法》（住房和城乡建设部令第11号）", "2012年7月15日起施行"),
  inForce(
    "《全国人民代表大会常务委员会关于实施渐进式延迟法定退休年龄的决定》",
    "2024年9月13日通过，2025年1月1日起施行",
  ),
  inForce(
    "《殡葬管理条例》（2026年1月修订，2026年3月30日起施行）",
    "2026年1月公布的修订文本（8章73条），2026年3月30日起施行",
    "Replaces the 1997 text (国务院令第225号, 2012 revision) the guide cited before. The guide quotes the revision's stated content, not an article, until the article numbers are confirmed against the published text.",
  ),
  inForce("《中华人民共和国道路交通安全法》", "2021年4月29日修正"),
  inForce("《机动车驾驶证申领和使用规定》（公安部令第162号）", "2022年4月1日起施行，经公安部令第172号修改"),
  inForce("《中华人民共和国农业机械化促进法》", "2018年10月26日修正"),
  inForce(
    "《国务院办公厅关于建立健全职工基本医疗保险门诊共济保障机制的指导意见》（国办发〔2021〕14号）",
    "2021年4月13日",
  ),
  inForce("《中华人民共和国公司法》", "2023年12月29日修订，2024年7月1日起施行"),
  inForce("《中华人民共和国市场主体登记管理条例》", "国务院令第746号，2022年3月1日起施行", "第十九条: 3个工作日."),
  inForce("《中华人民共和国食品安全法》", "现行修正文本（第三十三条、第三十五条）"),
  inForce("《中华人民共和国行政许可法》", "2019年4月23日修正", "第四十二条: 二十日, counted in working days by 第八十二条."),
  inForce("《中华人民共和国劳动合同法》", "2012年12月28日修正"),
  inForce("《劳务派遣行政许可实施办法》（人力资源和社会保障部令第19号）", "2013年7月1日起施行", "第十二条: 20个工作日."),
  inForce("《中华人民共和国建筑法》", "2019年4月23日修正"),
  inForce("《建筑业企业资质管理规定》（住房和城乡建设部令第22号）", "2015年3月1日起施行，后经修改"),
  inForce("《中华人民共和国企业所得税法》", "2018年12月29日修正"),
  inForce("《新时期促进集成电路产业和软件产业高质量发展的若干政策》（国发〔2020〕8号）", "2020年7月27日"),
  inForce("《社会团体登记管理条例》", "2016年2月6日国务院令第666号修订"),
  inForce("《民办非企业单位登记管理暂行条例》", "1998年10月25日国务院令第251号"),
];
