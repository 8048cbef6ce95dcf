/**
 * Known items the volume generator always writes first (documents 0…n-1, notices 0…n-1), so the
 * search benchmark (bench/search-queries.json) has one defined answer per query among 100,000
 * made-up rows. Their distinctive words are reserved: generated text never contains them.
 */

export type TPlantedDocument = {
  department: string;
  category: string;
  docType: string;
  year: number;
  title: string;
  titleEn: string;
  keywords: string;
};

export type TPlantedNotice = {
  category: string;
  title: string;
  titleEn: string;
  /** indices into the seeded community list (prisma/seed/data/places.ts order) */
  communities: number[];
};

export const plantedDocuments: TPlantedDocument[] = [
  { department: "JXW", category: "economy.informatization", docType: "notice", year: 2017, title: "关于开展工业互联网标识解析二级节点建设试点的通知", titleEn: "Notice on Piloting Secondary Nodes of Industrial Internet Identifier Resolution", keywords: "工业互联网 标识解析 试点" },
  { department: "JXW", category: "general.e-government", docType: "plan", year: 2019, title: "成都市政务云平台迁移上云三年行动计划", titleEn: "Three-Year Action Plan for Moving Government Systems to the Government Cloud", keywords: "政务云 迁移上云 行动计划" },
  { department: "JXW", category: "economy.informatization", docType: "measures", year: 2021, title: "成都市集成电路设计企业流片补贴实施细则", titleEn: "Rules on Tape-Out Subsidies for Integrated Circuit Design Companies", keywords: "集成电路 流片补贴 产业扶持" },
  { department: "RSJ", category: "labour.employment", docType: "notice", year: 2016, title: "关于组织开展川菜烹饪技能大赛的通知", titleEn: "Notice on the Sichuan Cuisine Cooking Skills Contest", keywords: "技能大赛 川菜烹饪 职业技能" },
  { department: "RSJ", category: "labour.social-insurance", docType: "notice", year: 2020, title: "关于阶段性减免企业养老保险单位缴费的通知", titleEn: "Notice on the Temporary Reduction of Employer Pension Contributions", keywords: "阶段性减免 养老保险 单位缴费" },
  { department: "RSJ", category: "labour.employment", docType: "opinion", year: 2018, title: "关于支持返乡入乡创业就业的若干意见", titleEn: "Opinions on Supporting Returnees Who Start Businesses in Rural Areas", keywords: "返乡入乡 创业 就业" },
  { department: "MZJ", category: "civil-affairs.assistance", docType: "measures", year: 2017, title: "成都市困难群众临时救助“先行救助”办法", titleEn: "Measures for Help-First Temporary Assistance to People in Hardship", keywords: "临时救助 先行救助 困难群众" },
  { department: "MZJ", category: "civil-affairs.community", docType: "notice", year: 2022, title: "关于推进社区养老服务综合体建设的通知", titleEn: "Notice on Building Community Elderly Care Complexes", keywords: "养老服务综合体 社区 养老" },
  { department: "MZJ", category: "civil-affairs.community", docType: "announcement", year: 2015, title: "成都市地名普查成果公告（第三批）", titleEn: "Results of the Chengdu Place-Name Census (Third Batch)", keywords: "地名普查 成果 公告" },
  { department: "GAJ", category: "public-security.household", docType: "announcement", year: 2019, title: "关于实施户籍迁移“跨省通办”的通告", titleEn: "Announcement on Inter-Provincial Handling of Household Registration Transfers", keywords: "户籍迁移 跨省通办" },
  { department: "GAJ", category: "public-security.household", docType: "regulation", year: 2016, title: "成都市流动人口积分入户管理规定", titleEn: "Provisions on Points-Based Household Registration for Migrants", keywords: "积分入户 流动人口 户籍" },
  { department: "WJW", category: "health.medical", docType: "notice", year: 2020, title: "关于做好发热门诊规范化建设的通知", titleEn: "Notice on Standardising Fever Clinics", keywords: "发热门诊 规范化 医疗机构" },
  { department: "WJW", category: "health.medical", docType: "plan", year: 2018, title: "成都市急救医疗站点布局规划（2018—2025年）", titleEn: "Layout Plan for Emergency Medical Stations (2018-2025)", keywords: "急救医疗站点 布局 规划" },
  { department: "WJW", category: "health.medical", docType: "report", year: 2023, title: "2023年度全市无偿献血工作情况报告", titleEn: "Report on Voluntary Blood Donation in 2023", keywords: "无偿献血 血液 报告" },
  { department: "JYJ", category: "education.schools", docType: "notice", year: 2019, title: "关于做好义务教育阶段学校课后服务工作的通知", titleEn: "Notice on After-School Services in Compulsory Education", keywords: "课后服务 义务教育" },
  { department: "JYJ", category: "education.schools", docType: "measures", year: 2021, title: "成都市普通高中学生综合素质评价实施办法", titleEn: "Measures for the Comprehensive Quality Evaluation of Senior High School Students", keywords: "综合素质评价 普通高中" },
  { department: "JYJ", category: "education.schools", docType: "announcement", year: 2017, title: "成都市市级示范幼儿园认定结果公告", titleEn: "Results of the Recognition of Municipal Model Kindergartens", keywords: "示范幼儿园 认定" },
  { department: "ZJJ", category: "urban.housing", docType: "measures", year: 2016, title: "成都市人才公寓租赁管理办法", titleEn: "Measures for the Rental of Talent Apartments", keywords: "人才公寓 租赁 住房保障" },
  { department: "ZJJ", category: "urban.construction", docType: "notice", year: 2020, title: "关于开展老旧小区加装电梯工作的通知", titleEn: "Notice on Installing Lifts in Old Residential Compounds", keywords: "老旧小区 加装电梯" },
  { department: "ZJJ", category: "urban.construction", docType: "regulation", year: 2022, title: "成都市装配式建筑评价标准实施规定", titleEn: "Provisions on the Evaluation Standard for Prefabricated Buildings", keywords: "装配式建筑 评价标准" },
  { department: "SCJGJ", category: "market.regulation", docType: "notice", year: 2018, title: "关于开展“明厨亮灶”餐饮示范街创建的通知", titleEn: "Notice on Open-Kitchen Model Catering Streets", keywords: "明厨亮灶 餐饮 食品安全" },
  { department: "SCJGJ", category: "market.regulation", docType: "announcement", year: 2021, title: "2021年第三季度电梯安全监督抽查结果公告", titleEn: "Results of the Third-Quarter 2021 Lift Safety Spot Checks", keywords: "电梯安全 监督抽查" },
  { department: "SCJGJ", category: "market.regulation", docType: "decision", year: 2015, title: "关于吊销长期停业未经营企业营业执照的决定", titleEn: "Decision on Revoking the Licences of Enterprises Long Out of Business", keywords: "吊销 长期停业 营业执照" },
  { department: "NYNCJ", category: "agriculture.rural", docType: "notice", year: 2016, title: "关于做好高标准农田建设项目申报的通知", titleEn: "Notice on Applying for High-Standard Farmland Projects", keywords: "高标准农田 项目申报" },
  { department: "NYNCJ", category: "agriculture.rural", docType: "plan", year: 2020, title: "成都市川西林盘保护修复规划", titleEn: "Plan for the Protection and Restoration of Western Sichuan Linpan Settlements", keywords: "川西林盘 保护修复 乡村振兴" },
  { department: "NYNCJ", category: "agriculture.rural", docType: "report", year: 2022, title: "2022年度农村集体产权制度改革工作报告", titleEn: "Report on the Reform of Rural Collective Property Rights in 2022", keywords: "集体产权制度 农村改革" },
  { department: "YBJ", category: "labour.social-insurance", docType: "notice", year: 2021, title: "关于将国家医保谈判药品纳入门诊报销的通知", titleEn: "Notice on Reimbursing Nationally Negotiated Drugs in Outpatient Care", keywords: "谈判药品 门诊 报销" },
  { department: "YBJ", category: "health.medical", docType: "measures", year: 2019, title: "成都市长期护理保险失能评定办法", titleEn: "Measures for Disability Assessment under Long-Term Care Insurance", keywords: "长期护理保险 失能评定" },
  { department: "YBJ", category: "labour.social-insurance", docType: "announcement", year: 2024, title: "关于医保电子凭证全流程应用的公告", titleEn: "Announcement on the Medical Insurance Electronic Certificate", keywords: "医保电子凭证 全流程" },
  { department: "JXW", category: "finance.budget", docType: "report", year: 2024, title: "经信委2024年度部门预算公开说明", titleEn: "Explanation of the 2024 Departmental Budget of the Economy and IT Commission", keywords: "部门预算 公开说明" },
  { department: "MZJ", category: "finance.budget", docType: "announcement", year: 2020, title: "2020年度福利彩票公益金使用情况公告", titleEn: "Use of Welfare Lottery Public Welfare Funds in 2020", keywords: "福利彩票公益金 使用情况" },
  { department: "GAJ", category: "general.open-government", docType: "reply", year: 2018, title: "关于同意设立天府新区出入境接待大厅的批复", titleEn: "Reply Approving an Exit-Entry Service Hall in Tianfu New Area", keywords: "出入境接待大厅 天府新区" },
  { department: "RSJ", category: "labour.employment", docType: "notice", year: 2023, title: "关于公布第五批成都市技能大师工作室名单的通知", titleEn: "Notice Publishing the Fifth List of Master Craftsman Studios", keywords: "技能大师工作室 名单" },
  { department: "ZJJ", category: "urban.housing", docType: "announcement", year: 2025, title: "2025年第一批公共租赁住房实物配租摇号结果公告", titleEn: "Lottery Results of the First 2025 Batch of Public Rental Housing Allocation", keywords: "实物配租 摇号 公共租赁住房" },
  { department: "WJW", category: "health.medical", docType: "notice", year: 2025, title: "关于推广“互联网+护理服务”试点的通知", titleEn: "Notice on Extending the Internet Plus Nursing Services Pilot", keywords: "互联网+护理服务 试点" },
  { department: "JYJ", category: "education.schools", docType: "notice", year: 2024, title: "关于开展中小学生近视防控宣传月活动的通知", titleEn: "Notice on the Myopia Prevention Month for School Pupils", keywords: "近视防控 中小学生" },
  { department: "NYNCJ", category: "agriculture.rural", docType: "announcement", year: 2019, title: "成都市第二批市级田园综合体名单公示", titleEn: "Second List of Municipal Rural Complexes for Public Comment", keywords: "田园综合体 名单 公示" },
  { department: "SCJGJ", category: "market.regulation", docType: "measures", year: 2023, title: "成都市计量器具强制检定管理办法", titleEn: "Measures for the Compulsory Verification of Measuring Instruments", keywords: "计量器具 强制检定" },
  { department: "MZJ", category: "civil-affairs.assistance", docType: "notice", year: 2024, title: "关于提高特困人员救助供养标准的通知", titleEn: "Notice on Raising Support Standards for People in Extreme Poverty", keywords: "特困人员 救助供养" },
  { department: "JXW", category: "economy.informatization", docType: "notice", year: 2025, title: "关于组织申报5G+智慧工厂示范项目的通知", titleEn: "Notice on Applying for 5G Smart Factory Demonstration Projects", keywords: "5G 智慧工厂 示范项目" },
];

export const plantedNotices: TPlantedNotice[] = [
  { category: "utilities", title: "金星村灌溉渠清淤期间暂停农业用水的通知", titleEn: "Farm Water Paused While the Jinxing Irrigation Canal Is Dredged", communities: [11] },
  { category: "activities", title: "红石柱社区非遗糖画进社区体验活动", titleEn: "Sugar Painting Heritage Workshop in Hongshizhu Community", communities: [1] },
  { category: "health", title: "玉林社区狂犬疫苗接种点调整公告", titleEn: "Rabies Vaccination Point in Yulin Community Moves", communities: [4] },
  { category: "elderly", title: "高碑社区适老化改造入户评估预约", titleEn: "Book a Home Assessment for Age-Friendly Renovation in Gaobei", communities: [6] },
  { category: "safety", title: "犀浦社区高空抛物专项治理告知书", titleEn: "Campaign Against Throwing Objects from Heights in Xipu", communities: [8] },
];

/** The id of the n-th generated notice (planted ones first). */
export function volumeNoticeId(index: number): string {
  return `vol-n-${String(index).padStart(7, "0")}`;
}

/**
 * Words generated text must not contain: the search queries' answers would drown among
 * 100,000 made-up rows that happen to share them.
 */
export const reservedTerms: string[] = [
  "低保",
  "生活保障",
  "居住证",
  "社保",
  "社会保险",
  "就业登记",
  "结婚登记",
  "停水",
  "异地就医",
  "教师资格",
  "企业开办",
  "食品经营",
  "标识解析",
  "迁移上云",
  "流片",
  "川菜",
  "阶段性减免",
  "返乡入乡",
  "先行救助",
  "养老服务综合体",
  "地名普查",
  "跨省通办",
  "积分入户",
  "发热门诊",
  "急救医疗站点",
  "无偿献血",
  "课后服务",
  "综合素质评价",
  "示范幼儿园",
  "人才公寓",
  "加装电梯",
  "装配式建筑",
  "明厨亮灶",
  "监督抽查",
  "长期停业",
  "高标准农田",
  "林盘",
  "集体产权制度",
  "谈判药品",
  "长期护理保险",
  "医保电子凭证",
  "部门预算公开说明",
  "福利彩票公益金",
  "出入境接待大厅",
  "技能大师工作室",
  "实物配租",
  "护理服务",
  "近视防控",
  "田园综合体",
  "强制检定",
  "特困人员",
  "智慧工厂",
  "灌溉渠清淤",
  "糖画",
  "狂犬疫苗",
  "适老化改造",
  "高空抛物",
];
