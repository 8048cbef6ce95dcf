import type { SeedDepartment } from "../types";

/**
 * 成都市 departments behind the demo services. The set follows the areas of the city's
 * informatization plan (电子政务, 社会保障, 医疗卫生, 教育, 社区服务, 农业农村, 企业信息化,
 * 公共安全, 城市管理). Contact details are demo data: e-mail addresses use the reserved
 * `.example` TLD. The 发文代字 (letterPrefix) are demo data in the city's pattern (成人社公开〔2026〕1号).
 */
/**
 * Remedies named in every reply: since the 2023 revision of 《行政复议法》 (in force 2024-01-01,
 * Art. 24) the people's government at the same level is the 复议机关 of its departments (the
 * vertically led bodies of Art. 27 excepted, none of them here). The court is demo data: the
 * administrative cases against city departments go to the court the province's concentrated
 * jurisdiction names; check the current announcement of the provincial high court.
 */
const cityGovernment = "成都市人民政府";
const administrativeCourt = "成都铁路运输第一法院";

export const departments: SeedDepartment[] = [
  {
    code: "JXW",
    letterPrefix: "成经信公开",
    reviewBody: cityGovernment,
    court: administrativeCourt,
    // the 2019 institutional reform renamed 经济和信息化委员会 to 经济和信息化局
    name: "成都市经济和信息化局",
    nameEn: "Chengdu Municipal Bureau of Economy and Information Technology",
    shortName: "经信局",
    phone: "028-61881700",
    email: "jxw@chengdu.gov.cn.example",
    address: "成都市高新区锦城大道366号成都市级机关办公区2号楼",
    hours: "工作日 9:00-12:00，13:30-17:00（法定节假日除外）",
  },
  {
    code: "RSJ",
    letterPrefix: "成人社公开",
    reviewBody: cityGovernment,
    court: administrativeCourt,
    name: "成都市人力资源和社会保障局",
    nameEn: "Chengdu Municipal Bureau of Human Resources and Social Security",
    shortName: "人社局",
    phone: "028-61883100",
    email: "rsj@chengdu.gov.cn.example",
    address: "成都市高新区锦城大道366号成都市级机关办公区5号楼",
    hours: "工作日 9:00-12:00，13:30-17:00（法定节假日除外）",
  },
  {
    code: "MZJ",
    letterPrefix: "成民公开",
    reviewBody: cityGovernment,
    court: administrativeCourt,
    name: "成都市民政局",
    nameEn: "Chengdu Municipal Bureau of Civil Affairs",
    shortName: "民政局",
    phone: "028-61885200",
    email: "mzj@chengdu.gov.cn.example",
    address: "成都市青羊区东城根上街95号",
    hours: "工作日 9:00-12:00，13:30-17:00（法定节假日除外）",
  },
  {
    code: "GAJ",
    letterPrefix: "成公公开",
    reviewBody: cityGovernment,
    court: administrativeCourt,
    name: "成都市公安局",
    nameEn: "Chengdu Municipal Public Security Bureau",
    shortName: "公安局",
    phone: "028-86303100",
    email: "gaj@chengdu.gov.cn.example",
    address: "成都市青羊区文武路136号",
    hours: "工作日 9:00-12:00，13:30-17:30（法定节假日除外）",
  },
  {
    code: "WJW",
    letterPrefix: "成卫健公开",
    reviewBody: cityGovernment,
    court: administrativeCourt,
    name: "成都市卫生健康委员会",
    nameEn: "Chengdu Municipal Health Commission",
    shortName: "卫健委",
    phone: "028-61886300",
    email: "wjw@chengdu.gov.cn.example",
    address: "成都市高新区锦城大道366号成都市级机关办公区3号楼",
    hours: "工作日 9:00-12:00，13:30-17:00（法定节假日除外）",
  },
  {
    code: "JYJ",
    letterPrefix: "成教公开",
    reviewBody: cityGovernment,
    court: administrativeCourt,
    name: "成都市教育局",
    nameEn: "Chengdu Municipal Education Bureau",
    shortName: "教育局",
    phone: "028-61887400",
    email: "jyj@chengdu.gov.cn.example",
    address: "成都市青羊区宁夏街136号",
    hours: "工作日 9:00-12:00，13:30-17:00（法定节假日除外）",
  },
  {
    code: "ZJJ",
    letterPrefix: "成住建公开",
    reviewBody: cityGovernment,
    court: administrativeCourt,
    name: "成都市住房和城乡建设局",
    nameEn: "Chengdu Municipal Bureau of Housing and Urban-Rural Development",
    shortName: "住建局",
    phone: "028-61889500",
    email: "zjj@chengdu.gov.cn.example",
    address: "成都市高新区锦城大道366号成都市级机关办公区4号楼",
    hours: "工作日 9:00-12:00，13:30-17:00（法定节假日除外）",
  },
  {
    code: "SCJGJ",
    letterPrefix: "成市监公开",
    reviewBody: cityGovernment,
    court: administrativeCourt,
    name: "成都市市场监督管理局",
    nameEn: "Chengdu Municipal Administration for Market Regulation",
    shortName: "市场监管局",
    phone: "028-61888300",
    email: "scjgj@chengdu.gov.cn.example",
    address: "成都市武侯区人民南路四段45号",
    hours: "工作日 9:00-12:00，13:30-17:00（法定节假日除外）",
  },
  {
    code: "NYNCJ",
    letterPrefix: "成农公开",
    reviewBody: cityGovernment,
    court: administrativeCourt,
    name: "成都市农业农村局",
    nameEn: "Chengdu Municipal Bureau of Agriculture and Rural Affairs",
    shortName: "农业农村局",
    phone: "028-61882800",
    email: "nyncj@chengdu.gov.cn.example",
    address: "成都市金牛区蜀汉路320号",
    hours: "工作日 9:00-12:00，13:30-17:00（法定节假日除外）",
  },
  {
    code: "YBJ",
    letterPrefix: "成医保公开",
    reviewBody: cityGovernment,
    court: administrativeCourt,
    name: "成都市医疗保障局",
    nameEn: "Chengdu Municipal Healthcare Security Administration",
    shortName: "医保局",
    phone: "028-61884600",
    email: "ybj@chengdu.gov.cn.example",
    address: "成都市高新区锦城大道366号成都市级机关办公区6号楼",
    hours: "工作日 9:00-12:00，13:30-17:00（法定节假日除外）",
  },
  {
    // the city government issues documents (成府发, 成府办发, 成都市人民政府令) but has no services,
    // cases, mailboxes or disclosure queue here: its 办公厅 answers through the 市长信箱 and the
    // departments. Listed last so the departments' order and figures stay as they were.
    code: "SZF",
    issuerOnly: true,
    // demo 统一社会信用代码 (valid GB 32100 check character; not the real one): its 索引号 stay
    // SZF/… unless an administrator turns numbering by credit code on
    creditCode: "11510100MB1C000014",
    reviewBody: "四川省人民政府",
    court: "成都市中级人民法院",
    name: "成都市人民政府",
    nameEn: "Chengdu Municipal People's Government",
    shortName: "市政府",
    phone: "028-61881000",
    email: "szf@chengdu.gov.cn.example",
    address: "成都市高新区锦城大道366号",
    hours: "工作日 9:00-12:00，13:30-17:00（法定节假日除外）",
  },
];
