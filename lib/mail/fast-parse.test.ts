import path from "node:path";
import { describe, expect, it } from "vitest";
import { compareMessages, messagesOf } from "../../scripts/bench/parse-compare";
import { CORPUS } from "../../tests/corpus";
import { fastParseFields } from "./fast-parse";
import { parseMessage } from "./parse-message";
import { readdirSync, statSync } from "node:fs";

// The fast path must give exactly mailparser's ParsedMessage, and decline what it does not handle.

function filesUnder(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((e) => {
      const p = path.join(dir, e);
      return statSync(p).isDirectory() ? filesUnder(p) : [p];
    });
}

describe("fast path vs mailparser on the corpus", () => {
  for (const dir of ["lore-v12", "lore-v13", "patchwork", "b4"]) {
    it(`identical ParsedMessage on every message of ${dir}`, async () => {
      const raws = filesUnder(path.join(CORPUS, dir)).flatMap((f) => messagesOf(f).map((raw, i) => ({ source: `${path.relative(CORPUS, f)}#${i + 1}`, raw })));
      const r = await compareMessages(raws);
      expect(r.diffs).toEqual([]);
      expect(r.messages).toBeGreaterThan(0);
      // The thread mboxes are the common case the fast path is for.
      if (dir.startsWith("lore")) expect(r.fast / r.messages).toBeGreaterThan(0.9);
    });
  }
});

const HEAD = "From: A <a@example.org>\nTo: b@example.org\nSubject: hi\nDate: Fri, 26 Jul 2024 16:51:10 -0700\nMessage-ID: <x@example.org>\n";

async function same(raw: string | Buffer) {
  const buf = typeof raw === "string" ? Buffer.from(raw) : raw;
  expect(fastParseFields(buf)).not.toBeNull();
  expect(await parseMessage(buf)).toEqual(await parseMessage(buf, { fast: false }));
}

describe("fast path, synthetic mail", () => {
  it("decodes encoded words, folded headers and quoted-printable latin-1 like mailparser", async () => {
    await same(
      "From: =?UTF-8?Q?J=C3=B6rg_R=C3=B6del?= <Joro@8Bytes.ORG>\nSubject: =?utf-8?B?W1BBVENIXSBmb28gw6k=?=\n  folded tail\n" +
        "Date: Fri, 26 Jul 2024 16:51:10 -0700\nMessage-ID:\n <x@example.org>\nReferences: <a@b>\n\t<c@d>\nIn-Reply-To: <c@d>\n" +
        "Content-Type: text/plain; charset=\"iso-8859-1\"\nContent-Transfer-Encoding: quoted-printable\nContent-Disposition: inline\n\n" +
        "caf=E9 =80 soft=\nbreak\r\n=3D\n",
    );
  });
  it("unwraps format=flowed with delsp like mailparser", async () => {
    await same(`${HEAD}Content-Type: text/plain; charset=utf-8; format=flowed; delsp=yes\n\nsoft \nwrapped\n> quoted \n> more\n`);
  });
  it("reads raw 8-bit UTF-8 in headers and body like mailparser", async () => {
    await same(Buffer.from(`From: Jörg <j@example.org>\nSubject: héllo\nMessage-ID: <u@example.org>\n\nbody é \xff\n`, "utf8"));
  });
  it("declines what it does not handle", () => {
    const no = (s: string) => expect(fastParseFields(Buffer.from(s))).toBeNull();
    no(`${HEAD}Content-Type: multipart/mixed; boundary=x\n\n--x\n\nhi\n--x--\n`);
    no(`${HEAD}Content-Transfer-Encoding: base64\n\naGk=\n`);
    no(`${HEAD}Content-Type: text/plain; charset=koi8-r\n\nhi\n`);
    no(`${HEAD}Content-Disposition: attachment; filename=a.patch\n\nhi\n`);
    no(`${HEAD}Subject: again\n\nhi\n`);
    no(HEAD.replace(/\n/g, "\r\n") + "\r\nhi\r\n");
    no(`${HEAD}Date: not a date\n\nhi\n`.replace(/Date: Fri.*\n/, ""));
    no(`${HEAD.replace(/Date: .*\n/, "Date:\n")}\nhi\n`);
    no(`From nobody Mon Jan  1 00:00:00 2024\n${HEAD}\nhi\n`);
    no(HEAD); // no body separator
  });
});
