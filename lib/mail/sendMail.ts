import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { clientOf, type TDbOption } from "../db/client";

const transports = new Map<string, Transporter>();

function transportFor(url: string): Transporter {
  let transport = transports.get(url);
  if (!transport) {
    transport = nodemailer.createTransport(url, {
      connectionTimeout: 5000,
      greetingTimeout: 5000,
      socketTimeout: 10000,
    } as never);
    transports.set(url, transport);
  }
  return transport;
}

const defaultMailFrom = "成都市政务服务门户 <noreply@chengdu.gov.cn.example>";

/**
 * Sends one e-mail. Every message is first kept in the outbox (the development mailbox staff can
 * read); with SMTP_URL set it is also sent over SMTP, and the outbox records when or why not.
 */
export async function sendMail(
  mail: {
    to: string;
    subject: string;
    text: string;
    userId?: string | null;
    headers?: Record<string, string>;
  } & TDbOption,
): Promise<{ sent: boolean }> {
  const prisma = await clientOf(mail);
  const row = await prisma.outboxMail.create({
    data: { to: mail.to, subject: mail.subject, text: mail.text, userId: mail.userId ?? null },
  });
  const url = process.env.SMTP_URL;
  if (!url) return { sent: false };
  try {
    await transportFor(url).sendMail({
      from: process.env.MAIL_FROM ?? defaultMailFrom,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      headers: mail.headers,
    });
    await prisma.outboxMail.update({ where: { id: row.id }, data: { sentAt: new Date() } });
    return { sent: true };
  } catch (error) {
    await prisma.outboxMail.update({
      where: { id: row.id },
      data: { error: String((error as Error).message ?? error).slice(0, 500) },
    });
    console.error("[mail] sending failed", error);
    return { sent: false };
  }
}
