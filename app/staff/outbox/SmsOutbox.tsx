import type { TFunction } from "i18next";
import type { TSessionUser } from "@/lib/auth/types";
import { defaultLocale } from "@/lib/i18n/settings";
import { formatDateTime } from "@/lib/i18n/format";
import { listSmsOutbox } from "@/lib/sms/outbox";
import { smsConfigured } from "@/lib/sms/sendSms";
import { Section } from "@/components/ui/Section";
import { retryOutboxSms } from "./actions";
import { RetryForm } from "./RetryForm";
import { deliveryState, OutboxList } from "./OutboxList";

/** The SMS outbox beside the mail outbox: template and parameters, state, receipt; a failed one can be sent again. */
export async function SmsOutbox({ actor, t }: { actor: TSessionUser; t: TFunction }) {
  const messages = await listSmsOutbox({ actor });
  return (
    <Section id="sms-outbox" title={t("sms:outbox.title")}>
      <OutboxList
        intro={t("sms:outbox.intro")}
        empty={t("sms:outbox.empty")}
        entries={messages}
        entryData={(sms) => ({ "data-sms-to": sms.to })}
      >
        {(sms) => {
          const state = deliveryState(sms, smsConfigured());
          return (
            <>
              <p className="font-bold">
                {t(`sms:outbox.templates.${sms.template}`, { defaultValue: sms.template })}
              </p>
              <p className="text-sm text-muted">
                {t("sms:outbox.to")}
                {t("colon")}
                {sms.to} · {formatDateTime(defaultLocale, sms.createdAt)} ·{" "}
                <span data-state={state}>{t(`sms:outbox.state.${state}`)}</span>
              </p>
              <p className="text-sm break-all">
                {t("sms:outbox.params")}
                {t("colon")}
                <code>{JSON.stringify(sms.params)}</code>
              </p>
              {sms.error && !sms.sentAt ? (
                <p className="text-sm">{t("sms:outbox.error", { error: sms.error })}</p>
              ) : null}
              {sms.receiptStatus ? (
                <p className="text-sm">
                  {t("sms:outbox.receipt", {
                    status: t(`sms:outbox.receiptStatus.${sms.receiptStatus}`),
                    code: sms.receiptCode ?? "",
                  })}
                </p>
              ) : null}
              {state === "failed" ? (
                <RetryForm action={retryOutboxSms} id={sms.id} label={t("sms:outbox.retry")} />
              ) : null}
            </>
          );
        }}
      </OutboxList>
    </Section>
  );
}
