/**
 * The words the volume generator writes with: clauses cut from the seed plan and the demo
 * documents and notices (so made-up bodies read like the city's own texts), and topic phrases
 * per department for titles. Anything containing a reserved search term is left out.
 */
import { documents } from "../../prisma/seed/data/documents";
import { notices } from "../../prisma/seed/data/notices";
import { seedPlanMarkdown } from "../../prisma/seed/seed-plan";
import { reservedTerms } from "./planted";

export type TVocabulary = {
  /** clauses of 6–40 characters, without their closing punctuation */
  clauses: string[];
  /** clauses from notices: practical, addressed to residents */
  noticeClauses: string[];
  /** title topics per department code */
  topics: Record<string, string[]>;
};

/** Topic phrases per department, for titles and 主题词. */
const departmentTopics: Record<string, string[]> = {
  JXW: [
    "信息化建设",
    "电子政务",
    "软件和信息服务业",
    "数字经济",
    "智慧城市",
    "工业企业技术改造",
    "中小企业数字化转型",
    "信息基础设施",
    "两化融合",
    "电子信息产业",
    "城域网",
    "信息安全保障",
    "数据资源共享",
    "大数据产业",
  ],
  RSJ: [
    "就业创业",
    "职业技能培训",
    "劳动保障监察",
    "人才引进",
    "工伤认定",
    "失业保险金",
    "劳动人事争议调解仲裁",
    "高校毕业生就业",
    "事业单位公开招聘",
    "农民工工资支付",
    "技工院校",
    "专业技术人员继续教育",
    "公益性岗位",
  ],
  MZJ: [
    "社会救助",
    "社区治理",
    "城乡社区服务",
    "社会组织管理",
    "殡葬管理",
    "慈善事业",
    "困难群众帮扶",
    "婚姻登记服务",
    "残疾人两项补贴",
    "留守儿童关爱",
    "社区工作者队伍建设",
    "居家养老",
  ],
  GAJ: [
    "户籍管理",
    "居民身份证办理",
    "出入境管理",
    "交通安全管理",
    "流动人口服务",
    "治安管理",
    "消防安全",
    "网络安全执法",
    "电动自行车登记",
    "反诈宣传",
  ],
  WJW: [
    "基层医疗卫生",
    "家庭医生签约服务",
    "传染病防控",
    "妇幼健康",
    "疫苗接种",
    "卫生应急",
    "中医药发展",
    "爱国卫生运动",
    "医疗机构管理",
    "职业病防治",
    "老年健康服务",
  ],
  JYJ: [
    "义务教育招生",
    "教育信息化",
    "学前教育",
    "中小学校安全",
    "教师队伍建设",
    "职业教育",
    "学生资助",
    "校外培训监管",
    "校园食品安全",
    "体育美育",
  ],
  ZJJ: [
    "保障性租赁住房",
    "老旧小区改造",
    "建筑市场监管",
    "物业服务管理",
    "城市更新",
    "建筑施工安全",
    "住房公积金",
    "房地产市场调控",
    "扬尘治理",
    "城镇燃气安全",
  ],
  SCJGJ: [
    "市场主体登记",
    "食品安全监管",
    "特种设备安全",
    "产品质量监督",
    "知识产权保护",
    "价格监督检查",
    "广告监管",
    "消费者权益保护",
    "标准化建设",
    "网络交易监管",
  ],
  NYNCJ: [
    "农业生产",
    "农村信息化",
    "乡村振兴",
    "农产品质量安全",
    "动物防疫",
    "农村人居环境整治",
    "农民专业合作社",
    "农业机械化",
    "粮食安全",
    "休闲农业",
  ],
  YBJ: [
    "医疗保障待遇",
    "城乡居民医保参保",
    "医保基金监管",
    "定点医药机构管理",
    "医药价格治理",
    "药品集中带量采购",
    "门诊共济保障",
    "医疗救助",
    "医保支付方式改革",
    "医保经办服务",
  ],
};

function stripMarkdown(text: string): string {
  return text
    .replace(/^#+\s*/gm, "")
    .replace(/\*\*|__|`/g, "")
    .replace(/^\s*([-*]|\d+\.)\s+/gm, "")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1");
}

// 一、 （一） 1. 第三条: heading numbers are cut off, the words kept
const numbering =
  /^(（[一二三四五六七八九十]+）|[一二三四五六七八九十]+、|\d+[.．、]|第[一二三四五六七八九十百]+[章条节])\s*/;

/** Clauses of a text: split at Chinese clause and sentence ends, kept when mostly Chinese. */
function clausesOf(text: string): string[] {
  return (
    stripMarkdown(text)
      .split(/[，。；！？：\n]+/)
      .map((part) =>
        part
          .trim()
          .replace(numbering, "")
          .replace(/^[、）)]+|[（(]+$/g, ""),
      )
      .filter((part) => part.length >= 6 && part.length <= 40)
      .filter((part) => (part.match(/[\u4e00-\u9fa5]/g)?.length ?? 0) >= part.length * 0.7)
      // unbalanced brackets or quotes read badly once clauses are shuffled
      .filter(
        (part) =>
          count(part, "（") === count(part, "）") &&
          count(part, "“") === count(part, "”") &&
          count(part, "《") === count(part, "》"),
      )
  );
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

export function isReserved(text: string): boolean {
  return reservedTerms.some((term) => text.includes(term));
}

let cached: TVocabulary | null = null;

/** The vocabulary, built once per process (deterministic: same sources, same order). */
export function vocabulary(): TVocabulary {
  if (cached) return cached;
  const unique = (items: string[]) => [...new Set(items)].filter((item) => !isReserved(item));
  const documentText = [
    seedPlanMarkdown().body,
    ...documents.map((doc) => `${doc.summary}\n${doc.body === "@seed-plan" ? "" : doc.body}`),
  ];
  const topics: Record<string, string[]> = {};
  for (const [code, list] of Object.entries(departmentTopics)) topics[code] = unique(list);
  cached = {
    clauses: unique(documentText.flatMap(clausesOf)),
    noticeClauses: unique(notices.flatMap((notice) => clausesOf(notice.body))),
    topics,
  };
  return cached;
}
