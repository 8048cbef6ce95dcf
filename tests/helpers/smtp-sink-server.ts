/**
 * A real SMTP server in its own process for the tests: it accepts every message on the port
 * given and prints each one, parsed, as a JSON line on stdout.
 */
import { SMTPServer } from "smtp-server";
import { simpleParser } from "mailparser";

const port = Number(process.argv[2] ?? 2525);
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  onData(stream, session, callback) {
    simpleParser(stream)
      .then((mail) => {
        const to = Array.isArray(mail.to) ? mail.to.map((a) => a.text).join(", ") : (mail.to?.text ?? "");
        process.stdout.write(`${JSON.stringify({ from: mail.from?.text, to, subject: mail.subject, text: mail.text })}\n`);
        callback();
      })
      .catch(callback);
  },
});
server.listen(port, "127.0.0.1", () => process.stdout.write(`READY ${port}\n`));
