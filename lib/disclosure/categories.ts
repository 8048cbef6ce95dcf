/**
 * 主题分类 of proactive disclosure (a two-level tree, 综合政务\政务公开 style).
 * Labels live in locales/<lng>/catalog.json under category.<code>.
 */
export const disclosureCategories = [
  "general.open-government", // 综合政务\政务公开
  "general.e-government", // 综合政务\电子政务
  "planning.plans", // 国民经济管理\规划计划 (规划计划)
  "economy.informatization", // 工业、交通\信息产业
  "labour.employment", // 劳动、人事、监察\劳动就业
  "labour.social-insurance", // 劳动、人事、监察\社会保险
  "civil-affairs.assistance", // 民政、扶贫、救灾\社会救助
  "civil-affairs.community", // 民政、扶贫、救灾\社区建设
  "health.medical", // 卫生、体育\医疗卫生
  "education.schools", // 科技、教育\教育
  "urban.housing", // 城乡建设、环境保护\住房保障
  "urban.construction", // 城乡建设、环境保护\城乡建设
  "agriculture.rural", // 农业、林业、水利\农业农村
  "market.regulation", // 商贸、海关、旅游\市场监管
  "public-security.household", // 公安、安全、司法\户籍管理
  "finance.budget", // 财政、金融、审计\财政预决算
] as const;
