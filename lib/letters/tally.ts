import { chinaDay } from "../calendar/workdays";

/** What the figures read of a letter. */
export type TFigureLetter = {
  createdAt: Date;
  /** the mailbox's department code, null for the 市长信箱 */
  mailbox: string | null;
  acceptedOn: Date | null;
  /** forwarded (转办) to or from a mailbox at least once */
  forwarded: boolean;
  repliedOn: Date | null;
  dueOn: Date | null;
  workingDays: number | null;
  rating: string | null;
};

/** One month's figures for one mailbox. */
export type TLetterFigures = {
  month: string;
  mailbox: string | null;
  received: number;
  accepted: number;
  forwarded: number;
  replied: number;
  repliedOnTime: number;
  /** mean working days from acceptance to reply, one decimal; null before any reply */
  averageWorkingDays: number | null;
  rated: number;
  /** 满意 and 基本满意 among the rated */
  satisfied: number;
};

/** A mailbox's month before any letter is counted. */
export function noLetterFigures(month: string, mailbox: string | null): TLetterFigures {
  return {
    month,
    mailbox,
    received: 0,
    accepted: 0,
    forwarded: 0,
    replied: 0,
    repliedOnTime: 0,
    averageWorkingDays: null,
    rated: 0,
    satisfied: 0,
  };
}

/**
 * The monthly figures: letters counted in the month (China time) they were received and under
 * the mailbox that holds them now (a forwarded letter counts where it was answered). On time
 * means replied on or before the due day.
 */
export function tallyLetterFigures(letters: TFigureLetter[]): TLetterFigures[] {
  const groups = new Map<string, { figures: TLetterFigures; days: number[] }>();
  for (const letter of letters) {
    const month = chinaDay(letter.createdAt).slice(0, 7);
    const key = `${month} ${letter.mailbox ?? ""}`;
    let group = groups.get(key);
    if (!group) {
      group = { figures: noLetterFigures(month, letter.mailbox), days: [] };
      groups.set(key, group);
    }
    const f = group.figures;
    f.received += 1;
    if (letter.acceptedOn) f.accepted += 1;
    if (letter.forwarded) f.forwarded += 1;
    if (letter.repliedOn) {
      f.replied += 1;
      if (!letter.dueOn || letter.repliedOn.getTime() <= letter.dueOn.getTime()) f.repliedOnTime += 1;
      if (letter.workingDays !== null) group.days.push(letter.workingDays);
    }
    if (letter.rating) {
      f.rated += 1;
      if (letter.rating !== "UNSATISFIED") f.satisfied += 1;
    }
  }
  return [...groups.values()]
    .map(({ figures, days }) => ({
      ...figures,
      averageWorkingDays: days.length
        ? Math.round((days.reduce((a, b) => a + b, 0) / days.length) * 10) / 10
        : null,
    }))
    .sort((a, b) => b.month.localeCompare(a.month) || (a.mailbox ?? "").localeCompare(b.mailbox ?? ""));
}
