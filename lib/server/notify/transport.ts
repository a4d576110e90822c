// How a queued message leaves: SMTP through nodemailer when SMTP_URL is set; otherwise the local
// outbox, an .eml file per message under .data/mail/ (read at /dev/outbox), so `npm start` shows
// the whole flow with no mail server. No "server-only": the worker runs outside Next.
import { createHash } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import type Mail from "nodemailer/lib/mailer";
import { oneClickUnsubscribeUrl } from "@/lib/server/notify/unsubscribe-token";

export type OutgoingMessage = {
  id: string;
  idempotencyKey: string;
  toAddress: string;
  subject: string;
  text: string;
  html: string;
  unsubscribeUrl: string | null;
};

export type Mailer = {
  name: "smtp" | "file";
  send(message: OutgoingMessage): Promise<void>;
  close(): void;
};

/** A permanent refusal (an SMTP 5xx): retrying cannot help. */
export function isPermanentFailure(error: unknown): boolean {
  const code = (error as { responseCode?: unknown })?.responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
}

export function mailDirectory(): string {
  return process.env.LECTERN_MAIL_DIR ?? path.join(process.env.LECTERN_DATA_ROOT ?? ".data", "mail");
}

function fromAddress(): string {
  if (process.env.MAIL_FROM) return process.env.MAIL_FROM;
  let host = "localhost";
  try {
    host = new URL(process.env.NEXTAUTH_URL ?? "http://localhost").hostname;
  } catch {
    // keep localhost
  }
  return `Lectern <no-reply@${host.includes(".") ? host : `${host}.localdomain`}>`;
}

function mailOptions(message: OutgoingMessage): Mail.Options {
  // A stable Message-ID per idempotency key: were a message ever sent twice (the worker killed
  // between the server's 250 and our write), mail systems and readers see one message.
  const digest = createHash("sha256").update(message.idempotencyKey).digest("hex").slice(0, 32);
  return {
    from: fromAddress(),
    to: message.toAddress,
    subject: message.subject,
    text: message.text,
    html: message.html,
    messageId: `<${digest}@lectern>`,
    headers: {
      "X-Lectern-Key": message.idempotencyKey,
      ...(message.unsubscribeUrl
        ? {
            // RFC 8058 one-click: mail apps POST to the same URL, no sign-in.
            "List-Unsubscribe": `<${oneClickUnsubscribeUrl(message.unsubscribeUrl)}>`,
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
          }
        : {}),
    },
  };
}

export function smtpMailer(url: string): Mailer {
  // One pooled connection: messages go one after another, each marked sent before the next.
  const transport = nodemailer.createTransport({ url, pool: true, maxConnections: 1, maxMessages: Infinity } as never);
  return {
    name: "smtp",
    async send(message) {
      await transport.sendMail(mailOptions(message));
    },
    close: () => transport.close(),
  };
}

export function fileMailer(directory = mailDirectory()): Mailer {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    name: "file",
    async send(message) {
      const info = (await transport.sendMail(mailOptions(message))) as { message: Buffer };
      await mkdir(directory, { recursive: true });
      // Named by the message id: writing it again (a retry) replaces the same file.
      await writeFile(path.join(directory, `${message.id}.eml`), info.message);
    },
    close: () => transport.close(),
  };
}

export function mailerFromEnv(): Mailer {
  const url = process.env.SMTP_URL;
  return url ? smtpMailer(url) : fileMailer();
}
