import type { ReactNode } from "react";

type Props<C extends { id: string }> = {
  comments: C[];
  /** the public page numbers the comments in the order they came; the editors' list is not numbered */
  ordered?: boolean;
  className: string;
  /** the line above a comment: when, and for the editors who wrote it and where it stands */
  meta: (comment: C) => ReactNode;
  body: (comment: C) => ReactNode;
  /** anything under the comment (why it was not published) */
  after?: (comment: C) => ReactNode;
  /** said when there are none */
  empty: string;
};

/** A consultation's comments, each set off by a rule on its left: what is known of it, then its text. */
export function CommentList<C extends { id: string }>({
  comments,
  ordered,
  className,
  meta,
  body,
  after,
  empty,
}: Props<C>) {
  if (!comments.length) return <p>{empty}</p>;
  const List = ordered ? "ol" : "ul";
  return (
    <List className={className}>
      {comments.map((comment) => (
        <li key={comment.id} className="border-l-4 border-line pl-3">
          <p className="text-sm text-muted">{meta(comment)}</p>
          <p className="whitespace-pre-wrap">{body(comment)}</p>
          {after?.(comment)}
        </li>
      ))}
    </List>
  );
}
