import type { Metadata } from "next";
import { Link } from "@/components/ui/Link";
import { notFound } from "next/navigation";
import { getT } from "@/lib/i18n/server";
import { localeParam } from "@/lib/i18n/request";
import { localText } from "@/lib/i18n/content";
import { formatDate, formatIsoDay } from "@/lib/i18n/format";
import { codeOptions } from "@/lib/i18n/options";
import { errorMessages } from "@/lib/i18n/messages";
import { withQuery } from "@/lib/i18n/paths";
import { getSessionUser } from "@/lib/auth/session";
import { isCitizen, isStaff } from "@/lib/auth/policy";
import { ownComments, publicConsultation } from "@/lib/consultations/queries";
import { acceptsComments, daysLeft, lastDayOf, maxCommentLength } from "@/lib/consultations/rules";
import type { TSearchParams } from "@/lib/i18n/search-params";
import { DefinitionList } from "@/components/ui/DefinitionList";
import { Breadcrumb } from "@/components/ui/PageHeading";
import { Section } from "@/components/ui/Section";
import { StatusNote } from "@/components/ui/StatusNote";
import { Markdown } from "@/components/ui/Markdown";
import { LocalText, WrittenText } from "@/components/ui/LocalText";
import { SimpleForm } from "@/components/form/SimpleForm";
import { periodText } from "@/components/consultations/periodText";
import { CommentList } from "@/components/consultations/CommentList";
import { commentOnConsultation } from "./actions";

type Props = { params: Promise<{ locale: string; id: string }>; searchParams: TSearchParams };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeParam(params);
  const found = await publicConsultation({ id: (await params).id });
  return { title: found ? localText(locale, found.title).text : undefined };
}

/**
 * One consultation: the draft, how to comment (the form, for a signed-in citizen while it is
 * open), the approved public comments, the citizen's own comments with where they stand, and,
 * once published, the feedback (采纳情况) and the final document. A draft is a 404.
 */
export default async function ConsultationPage({ params, searchParams }: Props) {
  const locale = await localeParam(params);
  const { id } = await params;
  const [t, found, actor, query] = await Promise.all([
    getT(locale, ["consultations", "errors"]),
    publicConsultation({ id }),
    getSessionUser(),
    searchParams,
  ]);
  if (!found) notFound();
  const c = found;
  const now = new Date();
  const mine = await ownComments({ actor, consultationId: c.id });
  const open = acceptsComments(c, now);
  const title = localText(locale, c.title);
  const body = localText(locale, c.body);
  const here = `/${locale}/consultations/${c.id}`;
  const zhLang = (lang: string) => (lang === locale ? undefined : lang);
  const state =
    c.status === "OPEN" && now < c.closesAt
      ? "OPEN"
      : c.status === "FEEDBACK_PUBLISHED"
        ? c.status
        : "CLOSED";
  return (
    <div className="grid max-w-3xl gap-6">
      <Breadcrumb
        label={t("consultations:breadcrumb")}
        links={[{ href: `/${locale}/consultations`, label: t("consultations:listTitle") }]}
      />
      <h1 className="text-2xl font-bold" lang={zhLang(title.lang)}>
        {title.text}
      </h1>
      {query.sent ? <StatusNote>{t("consultations:sent")}</StatusNote> : null}
      <DefinitionList
        items={[
          [
            t("consultations:department"),
            <LocalText key="d" locale={locale} zh={c.department.name} en={c.department.nameEn} />,
          ],
          [t("consultations:kindLabel"), t(`consultations:kind.${c.kind}`)],
          [t("consultations:editor.statusColumn"), t(`consultations:state.${state}`)],
          [t("consultations:editor.periodColumn"), periodText(t, locale, c)],
          state === "OPEN" &&
            c.opensAt <= now && [
              t("consultations:openHeading"),
              t("consultations:daysLeft", { count: daysLeft(c.closesAt, now) }),
            ],
        ]}
      />
      <p className="text-sm">{t("consultations:figures", c.figures)}</p>
      <Section id="summary" title={t("consultations:summaryHeading")}>
        <p className="whitespace-pre-wrap">
          <LocalText locale={locale} zh={c.summary} />
        </p>
      </Section>
      <Section id="draft" title={t("consultations:draftHeading")} className="grid gap-2">
        {locale === "en" && body.lang !== "en" ? (
          <p className="text-sm text-muted">{t("consultations:chineseOnly")}</p>
        ) : null}
        <Markdown source={body.text} lang={zhLang(body.lang)} topLevel={3} />
      </Section>

      {c.feedback ? (
        <Section id="feedback" title={t("consultations:feedbackHeading")} className="grid gap-2">
          <p className="text-sm text-muted">
            {t("consultations:feedbackOn", { date: formatDate(locale, c.feedbackPublishedAt) })}
          </p>
          <p className="font-bold">
            {t("consultations:feedbackCounts", {
              adopted: c.adoptedCount,
              partly: c.partlyAdoptedCount,
              notAdopted: c.notAdoptedCount,
            })}
          </p>
          <Markdown
            source={localText(locale, c.feedback).text}
            lang={zhLang(localText(locale, c.feedback).lang)}
            topLevel={3}
          />
          {c.finalDocument ? (
            <p>
              {t("consultations:finalDocument")}:{" "}
              <Link href={`/${locale}/disclosure/${c.finalDocument.indexNo}`}>
                <LocalText locale={locale} zh={c.finalDocument.title} />
              </Link>
            </p>
          ) : null}
        </Section>
      ) : state === "CLOSED" ? (
        <p className="border-l-4 border-brand pl-3">{t("consultations:awaitingFeedback")}</p>
      ) : null}

      <Section id="how" title={t("consultations:howHeading")} className="grid gap-3">
        {c.kind === "MAJOR" ? <p>{t("consultations:majorNote")}</p> : null}
        <p>{t("consultations:howText")}</p>
        {state !== "OPEN" ? (
          <p className="font-bold">
            {t("consultations:closedOn", { date: formatIsoDay(locale, lastDayOf(c.closesAt)) })}
          </p>
        ) : !open ? (
          <p className="font-bold">
            {t("consultations:notOpenYet", { date: formatDate(locale, c.opensAt) })}
          </p>
        ) : isCitizen(actor) ? (
          <SimpleForm
            idPrefix="comment"
            action={commentOnConsultation}
            hidden={{ locale, consultationId: c.id }}
            fields={[
              {
                name: "body",
                type: "textarea",
                rows: 6,
                label: t("consultations:field.body"),
                hint: t("consultations:field.bodyHint", { count: maxCommentLength }),
              },
              {
                name: "private",
                type: "radio",
                label: t("consultations:field.private"),
                hint: t("consultations:field.privateHint"),
                options: codeOptions(t, "consultations:private", ["no", "yes"]),
              },
            ]}
            submitLabel={t("consultations:submit")}
            messages={errorMessages(t)}
            errorTitle={t("errors:summaryTitle")}
          />
        ) : isStaff(actor) ? (
          <p>{t("consultations:staffCannotComment")}</p>
        ) : (
          <p>
            <Link href={withQuery(`/${locale}/sign-in`, { returnTo: here })}>
              {t("consultations:signInToComment")}
            </Link>
          </p>
        )}
      </Section>

      {mine.length ? (
        <Section id="your-comments" title={t("consultations:yourComments")}>
          <ul className="grid gap-3">
            {mine.map((m) => (
              <li key={m.id} className="border border-line p-3">
                <p className="text-sm text-muted">
                  {t("consultations:submittedOn", { date: formatDate(locale, m.createdAt) })} ·{" "}
                  <strong>{t(`consultations:commentState.${m.status}`)}</strong>
                  {m.private ? ` · ${t("consultations:privateMark")}` : ""}
                </p>
                <p className="whitespace-pre-wrap">
                  <WrittenText locale={locale} text={m.body} />
                </p>
                {m.rejectReason ? (
                  <p className="text-sm">
                    {t("consultations:rejectedBecause", { reason: "" })}
                    <WrittenText locale={locale} text={m.rejectReason} />
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}

      <Section id="comments" title={t("consultations:commentsHeading")}>
        <CommentList
          comments={c.comments}
          ordered
          className="grid gap-3"
          meta={(comment) => formatDate(locale, comment.createdAt)}
          body={(comment) => <WrittenText locale={locale} text={comment.body} />}
          empty={t("consultations:noComments")}
        />
      </Section>
    </div>
  );
}
