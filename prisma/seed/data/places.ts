import type { SeedPlace } from "../types";

/**
 * Demo 区县 → 街道/乡镇 → 社区/村 tree for 成都市.
 * Codes: district = 6 digits (GB/T 2260), street = district + 3 digits
 * (0xx 街道, 1xx 镇), community = street + 3 digits (0xx 社区, 2xx 村).
 */
export const places: SeedPlace = {
  districts: [
    {
      code: "510104",
      name: "锦江区",
      nameEn: "Jinjiang District",
      streets: [
        {
          code: "510104001",
          name: "春熙路街道",
          nameEn: "Chunxilu Subdistrict",
          rural: false,
          communities: [
            { code: "510104001001", name: "和平街社区", nameEn: "Hepingjie Community", village: false },
            { code: "510104001002", name: "红石柱社区", nameEn: "Hongshizhu Community", village: false },
          ],
        },
        {
          code: "510104002",
          name: "书院街街道",
          nameEn: "Shuyuanjie Subdistrict",
          rural: false,
          communities: [
            { code: "510104002001", name: "大慈寺社区", nameEn: "Dacisi Community", village: false },
            { code: "510104002002", name: "镋钯街社区", nameEn: "Tangbajie Community", village: false },
          ],
        },
      ],
    },
    {
      code: "510107",
      name: "武侯区",
      nameEn: "Wuhou District",
      streets: [
        {
          code: "510107001",
          name: "玉林街道",
          nameEn: "Yulin Subdistrict",
          rural: false,
          communities: [
            { code: "510107001001", name: "玉林社区", nameEn: "Yulin Community", village: false },
            { code: "510107001002", name: "黉门街社区", nameEn: "Hongmenjie Community", village: false },
          ],
        },
        {
          code: "510107002",
          name: "簇桥街道",
          nameEn: "Cuqiao Subdistrict",
          rural: false,
          communities: [
            { code: "510107002001", name: "高碑社区", nameEn: "Gaobei Community", village: false },
            { code: "510107002002", name: "七里社区", nameEn: "Qili Community", village: false },
          ],
        },
      ],
    },
    {
      code: "510117",
      name: "郫都区",
      nameEn: "Pidu District",
      streets: [
        {
          code: "510117001",
          name: "犀浦街道",
          nameEn: "Xipu Subdistrict",
          rural: false,
          communities: [
            { code: "510117001001", name: "犀浦社区", nameEn: "Xipu Community", village: false },
            { code: "510117001002", name: "太清社区", nameEn: "Taiqing Community", village: false },
          ],
        },
        {
          code: "510117101",
          name: "唐昌镇",
          nameEn: "Tangchang Town",
          rural: true,
          communities: [
            { code: "510117101201", name: "战旗村", nameEn: "Zhanqi Village", village: true },
            { code: "510117101202", name: "金星村", nameEn: "Jinxing Village", village: true },
          ],
        },
      ],
    },
  ],
};
