/** Synonym groups seeded once for search (administrators edit them under /staff/search/synonyms). */
export const searchSynonyms: string[][] = [
  ["低保", "最低生活保障"],
  ["社保", "社会保险"],
  ["医保", "医疗保险", "基本医疗保险"],
  ["公积金", "住房公积金"],
  ["身份证", "居民身份证"],
  ["营业执照", "工商执照"],
  ["落户", "户口迁入", "户籍迁入"],
  ["失业金", "失业保险金"],
];
