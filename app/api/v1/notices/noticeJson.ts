type TNoticeRow = {
  id: string;
  title: string;
  titleEn: string | null;
  category: string;
  pinned: boolean;
  emergency: boolean;
  urgent: boolean;
  source: string;
  publishedAt: Date | null;
  expiresAt: Date | null;
};

/** The fields a notice has in every API answer, in the list and on its own. */
export function noticeJson(n: TNoticeRow) {
  return {
    id: n.id,
    title: n.title,
    titleEn: n.titleEn,
    category: n.category,
    pinned: n.pinned,
    emergency: n.emergency,
    urgent: n.urgent,
    source: n.source,
    publishedAt: n.publishedAt,
    expiresAt: n.expiresAt,
  };
}
