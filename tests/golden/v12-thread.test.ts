import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { findReplyTrailers } from "../../lib/mail/trailers";
import type { ThreadMessage } from "../../lib/mail/types";
import { collectApplied, collectTrailers, type CollectResult } from "../../lib/review/collect";
import { parseMaintainers, type Section } from "../../lib/review/maintainers";
import { findPatchSections } from "../../lib/review/status";
import { corpusPath } from "./corpus";
import { loadThread } from "./load-thread";

// The real KVM v12 thread (150 messages, corpus/lore-v12/v12-thread.linux-mips.mbox).
// Every expected value below was written from reading the mail, message by message; the
// Message-IDs are quoted from the headers.

const COVER = "20240726235234.228822-1-seanjc@google.com";
/** git send-email numbering: patch NN/84 is "-(NN+1)-". */
const patchId = (n: number) => `20240726235234.228822-${n + 1}-seanjc@google.com`;

const ALEX = "alex.bennee@linaro.org";

// [patch, kind, email, Message-ID of the reply that carries it]
const REPLY_TRAILERS: [number, string, string, string][] = [
  [1, "reviewed-by", "catalin.marinas@arm.com", "ZrOBg70pCnv7PHyK@arm.com"],
  // Steven Price answered Catalin's reply, not the patch: the trailer climbs one level.
  [1, "reviewed-by", "steven.price@arm.com", "34468ff8-2159-4adb-b680-c6048eecee80@arm.com"],
  [2, "reviewed-by", "catalin.marinas@arm.com", "ZrOfB8bOdSJVcWFr@arm.com"],
  [2, "reviewed-by", "steven.price@arm.com", "fbcbd4da-cab5-420e-b8b6-bf04e27bf69c@arm.com"],
  [3, "reviewed-by", ALEX, "875xskfwnd.fsf@draig.linaro.org"],
  [4, "reviewed-by", ALEX, "871q38fwd1.fsf@draig.linaro.org"],
  [5, "reviewed-by", ALEX, "87wml0egzo.fsf@draig.linaro.org"],
  [12, "reviewed-by", ALEX, "87plqseghp.fsf@draig.linaro.org"],
  // Five replies below patch 13 (six levels under the cover letter): Alex -> Sean -> Alex -> Sean -> Alex.
  [13, "reviewed-by", ALEX, "8734nfq9bk.fsf@draig.linaro.org"],
  [24, "reviewed-by", ALEX, "87le1gefh8.fsf@draig.linaro.org"],
  [26, "reviewed-by", ALEX, "87h6c4efe3.fsf@draig.linaro.org"],
  [56, "reviewed-by", "ajones@ventanamicro.com", "20240731-0456655970f6ae99f907de43@orel"],
  [56, "acked-by", "anup@brainfault.org", "CAAhSdy1DvkU_C2jmtA1SBNfjp1gxu_6RhFKbf-hkhSNQeTXwwA@mail.gmail.com"],
  [57, "reviewed-by", "ajones@ventanamicro.com", "20240731-f034f3516f0fffede877c68d@orel"],
  [57, "acked-by", "anup@brainfault.org", "CAAhSdy2rvPCuN7ROU4k9pAuyCZUnyDf2DhHjfSa_pA5SG6Q5DA@mail.gmail.com"],
  [58, "reviewed-by", "ajones@ventanamicro.com", "20240731-a5f8928d385945f049e5f96e@orel"],
  [58, "acked-by", "anup@brainfault.org", "CAAhSdy2whfRBm9HBkr=gSwxpFHGwGtB70fKNCqG1-MeHmB1K7w@mail.gmail.com"],
  // Sent as "maobibo <maobibo@loongson.cn>", signed "Reviewed-by: Bibo Mao <maobibo@loongson.cn>":
  // names differ, addresses are equal, so b4 accepts it (email_eq) and so do we.
  [64, "reviewed-by", "maobibo@loongson.cn", "b54357a9-6146-603b-45cd-e8ee0db4a709@loongson.cn"],
  [65, "reviewed-by", "maobibo@loongson.cn", "d5405245-edd3-9bc5-0c40-282a30e46fae@loongson.cn"],
  [66, "reviewed-by", "maobibo@loongson.cn", "9492f63e-8257-d911-1c67-33c9c7498c50@loongson.cn"],
  [83, "reviewed-by", ALEX, "87jzgzchlc.fsf@draig.linaro.org"],
];

let messages: ThreadMessage[];
let result: CollectResult;
let sections: Section[];
beforeAll(async () => {
  messages = (await loadThread(corpusPath("lore-v12/v12-thread.linux-mips.mbox"))).messages;
  sections = parseMaintainers(readFileSync(corpusPath("maintainers/MAINTAINERS-6.12"), "utf8"));
  result = collectTrailers(messages, { sections });
});

const replies = (n: number) => result.byPatch[patchId(n)].filter((t) => t.via === "reply");

describe("v12 thread: trailers per patch", () => {
  it("has the cover and 84 patches", () => {
    expect(messages).toHaveLength(150);
    expect(messages.find((m) => m.messageId === COVER)?.kind).toBe("cover");
    expect(Object.keys(result.byPatch)).toHaveLength(84);
  });

  it("every reply trailer, and nothing else, reaches its patch", () => {
    const got = Object.entries(result.byPatch)
      .flatMap(([id, ts]) => ts.filter((t) => t.via === "reply").map((t) => [Number(/-(\d+)-seanjc/.exec(id)![1]) - 1, t.kind, t.email, t.messageId]))
      .sort((a, b) => (a[0] as number) - (b[0] as number) || String(a[2]).localeCompare(String(b[2])));
    const want = [...REPLY_TRAILERS].sort((a, b) => a[0] - b[0] || a[2].localeCompare(b[2]));
    expect(got).toEqual(want);
    expect(result.unattached).toEqual([]);
  });

  it("all reply trailers match their senders (none unverified in v12)", () => {
    const all = Object.values(result.byPatch).flat();
    expect(all.filter((t) => !t.verified)).toEqual([]);
  });

  it("the Reviewed-by six levels down under patch 13", () => {
    const byId = new Map(messages.map((m) => [m.messageId, m]));
    const chain: string[] = [];
    for (let id: string | null = "8734nfq9bk.fsf@draig.linaro.org"; id; id = byId.get(id)?.parentId ?? null) chain.push(id);
    expect(chain).toEqual([
      "8734nfq9bk.fsf@draig.linaro.org",
      "ZrTk4sQS8k1-GBb3@google.com",
      "877ccrqc06.fsf@draig.linaro.org",
      "ZrTFPhy0e1fFb9vA@google.com",
      "87bk23ql6n.fsf@draig.linaro.org",
      patchId(13),
      COVER,
    ]);
    expect(replies(13)).toMatchObject([{ kind: "reviewed-by", label: "Reviewed-by", name: "Alex Bennée", email: ALEX, verified: true }]);
  });

  it("quoted Signed-off-by lines in replies never count", () => {
    // e.g. Anup's ack <CAAhSdy1Dvk...> quotes "> Signed-off-by: Sean Christopherson <seanjc@google.com>".
    const quoting = messages.filter((m) => m.kind === "reply" && /^>+ ?Signed-off-by:/m.test(m.body));
    expect(quoting.length).toBeGreaterThan(10);
    for (const m of quoting) expect(findReplyTrailers(m.body).filter((t) => t.kind === "signed-off-by")).toEqual([]);
    expect(Object.values(result.byPatch).flat().filter((t) => t.kind === "signed-off-by" && t.via !== "self")).toEqual([]);
  });

  it("the patches' own trailers are kept as via self", () => {
    for (let n = 1; n <= 84; n++) {
      expect(result.byPatch[patchId(n)].filter((t) => t.via === "self" && t.kind === "signed-off-by").map((t) => t.email)).toContain("seanjc@google.com");
    }
    // 14/84 carries David Stevens' sign-off and Sean's Co-developed-by.
    expect(result.byPatch[patchId(14)].filter((t) => t.via === "self").map((t) => `${t.label}: ${t.email}`)).toEqual([
      "Signed-off-by: stevensd@chromium.org",
      "Co-developed-by: seanjc@google.com",
      "Signed-off-by: seanjc@google.com",
    ]);
  });

  it("Alex Bennée's Tested-by on the cover letter reaches all 84 patches", () => {
    for (let n = 1; n <= 84; n++) {
      const cover = result.byPatch[patchId(n)].filter((t) => t.via === "cover");
      expect(cover).toEqual([
        expect.objectContaining({ kind: "tested-by", email: ALEX, messageId: "875xrme3nd.fsf@draig.linaro.org", verified: true, scopeResolved: true }),
      ]);
      // "So for those caveats you can certainly have a:" is a paragraph above, and no scope anyway.
      expect(cover[0].scope).toBeUndefined();
    }
  });

  it('Anup\'s "For KVM RISC-V:" acks are scoped and resolve to their own patches', () => {
    for (const n of [56, 57, 58]) {
      expect(replies(n).find((t) => t.kind === "acked-by")).toMatchObject({ scope: "For KVM RISC-V:", scopeResolved: true });
    }
  });
});

describe("v12 thread: who still owes an ack (MAINTAINERS-6.12 M: people)", () => {
  // Owners from get_maintainer (fixtures/get-maintainer-6.12.tsv); M: lines read in MAINTAINERS:
  // KVM: Paolo Bonzini; KVM/x86: Sean Christopherson, Paolo Bonzini; KVM/arm64: Marc Zyngier,
  // Oliver Upton; KVM/LoongArch: Tianrui Zhao, Bibo Mao, Huacai Chen; KVM/riscv: Anup Patel;
  // KVM/powerpc: Michael Ellerman; KVM/s390: Christian Borntraeger, Janosch Frank, Claudio Imbrenda.
  const owed = (n: number) => {
    const m = messages.find((x) => x.messageId === patchId(n))!;
    const trailers = result.byPatch[patchId(n)].map((t) => ({ ...t, email: t.email ?? "" }));
    const author = m.from?.email ?? "";
    // A section the author maintains counts as answered by the author.
    return findPatchSections({ files: m.files, trailers, authorEmail: author, applied: null }, sections)
      .filter((r) => r.role === "owner")
      .map((r) => `${r.name}: ${r.status === "owed" ? "owed" : `acked by ${r.status === "author" ? author : r.satisfiedBy!.email}`}`);
  };
  it.each<[number, string[]]>([
    // Catalin Marinas and Steven Price reviewed 01, but neither is an M: of KVM/arm64.
    [1, ["KERNEL VIRTUAL MACHINE FOR ARM64 (KVM/arm64): owed"]],
    [54, ["KERNEL VIRTUAL MACHINE FOR ARM64 (KVM/arm64): owed"]],
    [56, ["KERNEL VIRTUAL MACHINE FOR RISC-V (KVM/riscv): acked by anup@brainfault.org"]],
    [64, ["KERNEL VIRTUAL MACHINE FOR LOONGARCH (KVM/LoongArch): acked by maobibo@loongson.cn"]],
    // Sean maintains KVM/x86 and wrote the patch.
    [6, ["KERNEL VIRTUAL MACHINE FOR X86 (KVM/x86): acked by seanjc@google.com"]],
    [
      3,
      [
        "KERNEL VIRTUAL MACHINE FOR POWERPC (KVM/powerpc): owed",
        "KERNEL VIRTUAL MACHINE for s390 (KVM/s390): owed",
        "KERNEL VIRTUAL MACHINE FOR X86 (KVM/x86): acked by seanjc@google.com",
        "KERNEL VIRTUAL MACHINE (KVM): owed",
      ],
    ],
  ])("patch %i", (n, want) => expect(owed(n)).toEqual(want));
});

describe("v12 thread: applied notices", () => {
  it("Marc Zyngier applied 01 and 02 to next (b4 ty, Re: (subset))", () => {
    const applied = collectApplied(messages);
    expect(applied).toEqual({
      [patchId(1)]: {
        tree: "next",
        commit: "ae41d7dbaeb4f79134136cd65ad7015cf9ccf78a",
        by: "Marc Zyngier <maz@kernel.org>",
        messageId: "172433664067.3702537.13271681605926473288.b4-ty@kernel.org",
      },
      [patchId(2)]: {
        tree: "next",
        commit: "e0b7de4fd18c47ebd47ec0dd1af6503d4071b943",
        by: "Marc Zyngier <maz@kernel.org>",
        messageId: "172433664068.3702537.15170661496841359831.b4-ty@kernel.org",
      },
    });
    const ty = messages.filter((m) => m.subjectInfo.isSubset).map((m) => m.messageId).sort();
    expect(ty).toEqual(["172433664067.3702537.13271681605926473288.b4-ty@kernel.org", "172433664068.3702537.15170661496841359831.b4-ty@kernel.org"]);
  });
});

describe("v12 64/84 sub-thread alone (incomplete series, no cover letter)", () => {
  it("Bibo Mao's Reviewed-by reaches 64/84; nothing comes from a cover", async () => {
    const sub = (await loadThread(corpusPath("lore-v12/v12-64-loongarch-subthread.mbox"))).messages;
    expect(sub).toHaveLength(7);
    const r = collectTrailers(sub);
    expect(Object.keys(r.byPatch)).toEqual([patchId(64)]);
    expect(r.byPatch[patchId(64)].filter((t) => t.via !== "self").map((t) => [t.via, t.kind, t.email, t.messageId, t.verified])).toEqual([
      ["reply", "reviewed-by", "maobibo@loongson.cn", "b54357a9-6146-603b-45cd-e8ee0db4a709@loongson.cn", true],
    ]);
  });
});

describe("v13 thread", () => {
  it("Dmitry Osipenko's Tested-by on the cover reaches all 85 patches; v12 tags now sit in the patches", async () => {
    const v13 = (await loadThread(corpusPath("lore-v13/v13-thread.linux-mips.mbox"))).messages;
    const r = collectTrailers(v13);
    const ids = Object.keys(r.byPatch);
    expect(ids).toHaveLength(85);
    for (const id of ids) {
      expect(r.byPatch[id].filter((t) => t.via === "cover").map((t) => `${t.kind} ${t.email} ${t.messageId}`)).toEqual([
        "tested-by dmitry.osipenko@collabora.com 03c316c7-5268-40cd-af1c-4c8454506ab2@collabora.com",
      ]);
    }
    // Bibo Mao's v12 Reviewed-by is carried in the v13 LoongArch patches' own trailers.
    const selfBibo = ids.filter((id) => r.byPatch[id].some((t) => t.via === "self" && t.email === "maobibo@loongson.cn"));
    expect(selfBibo).toHaveLength(3);
  });
});
