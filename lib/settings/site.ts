import { z } from "zod";

/** Site settings (footer of 《政府网站发展指引》, contact, 公开指南 office); editable by administrators. */
export const ZSiteSettings = z.object({
  cityName: z.object({ zh: z.string(), en: z.string() }),
  siteName: z.object({ zh: z.string(), en: z.string() }),
  /** 主办单位 */
  host: z.object({ zh: z.string(), en: z.string() }),
  /** 网站标识码 */
  siteCode: z.string(),
  /** ICP备案号 and its link */
  icp: z.string(),
  icpUrl: z.string().url(),
  /** 公安备案号 and its link */
  psb: z.string(),
  psbUrl: z.string().url(),
  address: z.object({ zh: z.string(), en: z.string() }),
  postcode: z.string(),
  phone: z.string(),
  hotline: z.string(),
  email: z.string(),
  /**
   * The 党政机关网站 mark's link: the site's entry in the register of Party and government
   * websites (中央机构编制委员会办公室, bszs.conac.cn); empty hides the mark
   */
  conacUrl: z.union([z.string().url(), z.literal("")]),
  /**
   * The national 我为政府网站找错 platform (国务院办公厅) with this site's 网站标识码, which
   * 《政府网站发展指引》 asks every government site to link in its footer; empty hides the link
   */
  errorReportUrl: z.union([z.string().url(), z.literal("")]),
});
export type TSiteSettings = z.infer<typeof ZSiteSettings>;

export const defaultSiteSettings: TSiteSettings = {
  cityName: { zh: "成都市", en: "Chengdu" },
  siteName: { zh: "成都市人民政府一站式服务门户", en: "Chengdu One-Stop Government Portal" },
  host: { zh: "成都市人民政府办公厅", en: "General Office of Chengdu Municipal People's Government" },
  siteCode: "5101000001",
  icp: "蜀ICP备05003304号",
  icpUrl: "https://beian.miit.gov.cn/",
  psb: "川公网安备 51010402000001号",
  psbUrl: "https://beian.mps.gov.cn/#/query/webSearch?code=51010402000001",
  address: {
    zh: "四川省成都市高新区锦城大道366号",
    en: "366 Jincheng Avenue, High-tech Zone, Chengdu, Sichuan",
  },
  postcode: "610041",
  phone: "028-61881234",
  hotline: "12345",
  email: "webmaster@chengdu.gov.cn.example",
  conacUrl: "https://bszs.conac.cn/sitename?method=show&id=5101000001",
  errorReportUrl: "https://zfwzzc.www.gov.cn/check_web/errorInfo_querySiteInfo.action?sitecode=5101000001",
};
