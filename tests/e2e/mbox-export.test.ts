import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { seriesId } from "./ids";

// The series mbox must be what `b4 am` would hand to `git am`: one mail per patch, the collected
// review trailers in the commit message. Checked with git's own mail tools.
// Trailers read from the real v12 thread:
//   64: Reviewed-by: Bibo Mao <maobibo@loongson.cn> (<b54357a9-...@loongson.cn>);
//   every patch: Tested-by: Alex Bennée <alex.bennee@linaro.org> (on the cover, <875xrme3nd.fsf@draig.linaro.org>);
//   01: Reviewed-by: Catalin Marinas <catalin.marinas@arm.com> (<ZrOBg70pCnv7PHyK@arm.com>) and
//       Reviewed-by: Steven Price <steven.price@arm.com> (<34468ff8-...@arm.com>).
describe("series mbox export", () => {
  const baseUrl = inject("baseUrl");
  const v12 = seriesId(12);
  let dir = "";
  let files: string[] = [];
  let res: Response;
  let splitCount = "";

  const git = (args: string[], input?: Buffer) => execFileSync("git", args, { cwd: dir, input, encoding: "utf8" });
  const split = (n: number) => readFileSync(path.join(dir, "split", files[n - 1]));
  /** `git mailinfo` on patch n: [stdout header info, commit message, patch]. */
  const mailinfo = (n: number) => {
    const info = git(["mailinfo", "-u", `msg${n}`, `patch${n}`], split(n));
    return [info, readFileSync(path.join(dir, `msg${n}`), "utf8"), readFileSync(path.join(dir, `patch${n}`), "utf8")];
  };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "patchdash-mbox-"));
    res = await fetch(`${baseUrl}/series/${v12}/mbox`);
    const body = Buffer.from(await res.arrayBuffer());
    writeFileSync(path.join(dir, "v12.mbox"), body);
    mkdirSync(path.join(dir, "split"));
    splitCount = git(["mailsplit", `-o${path.join(dir, "split")}`, path.join(dir, "v12.mbox")]).trim();
    files = readdirSync(path.join(dir, "split")).sort();
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("downloads as an mbox attachment that git mailsplit cuts into 84 mails, in patch order", () => {
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/mbox/);
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="v12-[^"]+"/);
    expect(splitCount).toBe("84");
    expect(files).toHaveLength(84);
    for (const n of [1, 2, 64, 84]) {
      const subject = /^Subject: (.*)$/m.exec(mailinfo(n)[0])?.[1];
      expect(subject, `mail ${n}`).toBeTruthy();
      expect(split(n).toString("utf8")).toContain(`${String(n).padStart(2, "0")}/84]`);
    }
  });

  it("gives patch 64 Bibo Mao's Reviewed-by and Alex Bennée's Tested-by above a diff of arch/loongarch/kvm/mmu.c", () => {
    const [info, msg, patch] = mailinfo(64);
    expect(info).toMatch(/^Author: Sean Christopherson$/m);
    expect(info).toMatch(/^Email: seanjc@google\.com$/m);
    expect(info).toMatch(/^Subject: KVM: LoongArch: Mark "struct page" pfns dirty only in "slow" page fault path$/m);
    // The trailer block is the last paragraph of the commit message.
    const block = msg.trimEnd().split(/\n\s*\n/).pop()!;
    expect(block).toContain("Reviewed-by: Bibo Mao <maobibo@loongson.cn>");
    expect(block).toContain("Tested-by: Alex Bennée <alex.bennee@linaro.org>");
    expect(block).toContain("Signed-off-by: Sean Christopherson <seanjc@google.com>");
    expect(msg).not.toContain("diff --git");
    expect(patch.trim().length).toBeGreaterThan(0);
    expect(patch).toMatch(/^diff --git a\/arch\/loongarch\/kvm\/mmu\.c b\/arch\/loongarch\/kvm\/mmu\.c$/m);
    const touched = [...patch.matchAll(/^diff --git a\/(\S+)/gm)].map((m) => m[1]);
    expect(touched).toEqual(["arch/loongarch/kvm/mmu.c"]);
    expect(patch).toMatch(/^@@ /m);
    // And git can apply it structurally (checks the hunks are well-formed).
    expect(() => git(["apply", "--stat", `patch64`])).not.toThrow();
  });

  it("gives patch 01 Catalin Marinas' and Steven Price's Reviewed-by", () => {
    const [, msg] = mailinfo(1);
    const block = msg.trimEnd().split(/\n\s*\n/).pop()!;
    expect(block).toContain("Reviewed-by: Catalin Marinas <catalin.marinas@arm.com>");
    expect(block).toContain("Reviewed-by: Steven Price <steven.price@arm.com>");
    expect(block).toContain("Tested-by: Alex Bennée <alex.bennee@linaro.org>");
    // A trailer is given once, not once per message that carried it.
    expect(block.match(/Reviewed-by: Catalin Marinas/g)).toHaveLength(1);
  });

  it("answers 400 for a malformed id and 404 for an unknown one", async () => {
    const bad = await fetch(`${baseUrl}/series/abc/mbox`);
    expect(bad.status).toBe(400);
    const neg = await fetch(`${baseUrl}/series/-1/mbox`);
    expect(neg.status).toBe(400);
    const unknown = await fetch(`${baseUrl}/series/987654/mbox`);
    expect(unknown.status).toBe(404);
  });
});
