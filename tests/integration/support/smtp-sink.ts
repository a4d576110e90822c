// A real SMTP server in the test process (the smtp-server package), keeping every message it
// accepted, parsed with mailparser, so tests check what actually arrived.
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from "smtp-server";
import { simpleParser, type ParsedMail } from "mailparser";
import type { AddressInfo } from "node:net";

export type Arrived = { envelopeTo: string[]; parsed: ParsedMail; raw: string };

export type SmtpSink = {
  url: string;
  arrived: Arrived[];
  /**
   * Decides each message before it is accepted: "accept", a temporary or permanent refusal,
   * or "hold" (never answer: the client is left waiting, as when it dies mid-send).
   */
  decide: (raw: string, index: number) => "accept" | "tempfail" | "permfail" | "hold";
  /** Called when a message arrives, before it is decided. */
  onMessage: (raw: string, index: number) => void;
  close: () => Promise<void>;
};

export async function startSmtpSink(): Promise<SmtpSink> {
  let seen = 0;
  const sink: SmtpSink = {
    url: "",
    arrived: [],
    decide: () => "accept",
    onMessage: () => undefined,
    close: async () => undefined,
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    disableReverseLookup: true,
    logger: false,
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback: (err?: Error | null) => void) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const index = seen++;
        sink.onMessage(raw, index);
        const verdict = sink.decide(raw, index);
        if (verdict === "hold") return;
        if (verdict === "tempfail") return callback(Object.assign(new Error("Try again later"), { responseCode: 451 }));
        if (verdict === "permfail") return callback(Object.assign(new Error("No such user"), { responseCode: 550 }));
        void simpleParser(raw).then((parsed) => {
          sink.arrived.push({ envelopeTo: session.envelope.rcptTo.map((r) => r.address), parsed, raw });
          callback();
        });
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  sink.url = `smtp://127.0.0.1:${port}`;
  sink.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return sink;
}
