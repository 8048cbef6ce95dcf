/**
 * A real SMTP server in its own process for the tests: it accepts every message on the port
 * given and prints each one, parsed, as a JSON line on stdout. A recipient whose address starts
 * with `refused` is refused for good (550), as a server refuses an address that does not exist.
 */
import fs from "node:fs";
import { SMTPServer } from "smtp-server";
import { simpleParser } from "mailparser";

const port = Number(process.argv[2] ?? 2525);
/** with a file name, each message is also appended to it (the browser tests read it) */
const file = process.argv[3];
if (file) fs.writeFileSync(file, "");
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  onRcptTo(address, session, callback) {
    if (address.address.startsWith("refused")) {
      const error = new Error("mailbox unavailable") as Error & { responseCode: number };
      error.responseCode = 550;
      return callback(error);
    }
    callback();
  },
  onData(stream, session, callback) {
    simpleParser(stream)
      .then((mail) => {
        const to = Array.isArray(mail.to) ? mail.to.map((a) => a.text).join(", ") : (mail.to?.text ?? "");
        const line = `${JSON.stringify({ from: mail.from?.text, to, subject: mail.subject, text: mail.text })}\n`;
        process.stdout.write(line);
        if (file) fs.appendFileSync(file, line);
        callback();
      })
      .catch(callback);
  },
});
server.listen(port, "127.0.0.1", () => process.stdout.write(`READY ${port}\n`));
