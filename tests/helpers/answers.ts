/** The typed answers to 就业登记 (RS-JYDJ-001) for the demo citizen 张晓明, without the upload. */
export const employmentDetails = {
  fullName: "张晓明",
  idNumber: "510104199003071237",
  mobile: "13800280001",
  employer: "成都蓉城科技有限公司",
  startDate: "2026-11-02",
  employmentType: "full-time",
};

/** Valid answers to 就业登记 for the demo citizen 张晓明; the ID card copy is an upload's id. */
export function employmentAnswers(idCardCopy: string) {
  return { ...employmentDetails, idCardCopy };
}
