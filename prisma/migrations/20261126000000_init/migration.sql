-- Written by hand in the shape `prisma migrate diff --script` prints (Prisma 7's migrate
-- commands need an engine binary we cannot download here). Keep in step with schema.prisma.

-- CreateTable
CREATE TABLE "Person" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',
    "names" TEXT NOT NULL DEFAULT '[]'
);

-- CreateTable
CREATE TABLE "Message" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "messageId" TEXT NOT NULL,
    "synthesizedId" BOOLEAN NOT NULL DEFAULT false,
    "inReplyTo" TEXT,
    "references" TEXT NOT NULL DEFAULT '[]',
    "fromName" TEXT NOT NULL DEFAULT '',
    "fromEmail" TEXT NOT NULL DEFAULT '',
    "personId" INTEGER,
    "date" TEXT,
    "subject" TEXT NOT NULL DEFAULT '',
    "rawSize" INTEGER NOT NULL,
    "parseError" TEXT,
    "warnings" TEXT NOT NULL DEFAULT '[]',
    "kind" TEXT NOT NULL,
    "hasDiff" BOOLEAN NOT NULL DEFAULT false,
    "diffFiles" TEXT NOT NULL DEFAULT '[]',
    "added" INTEGER NOT NULL DEFAULT 0,
    "removed" INTEGER NOT NULL DEFAULT 0,
    "source" TEXT NOT NULL,
    "parentId" TEXT,
    "depth" INTEGER NOT NULL DEFAULT 0,
    "seriesId" INTEGER,
    "patchId" INTEGER,
    -- The big columns last: SQLite stores a row's columns in this order, so reading the small
    -- ones (thread placement, kind, sender) never walks the overflow pages of the mail text.
    "body" TEXT NOT NULL DEFAULT '',
    "raw" BLOB NOT NULL,
    CONSTRAINT "Message_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Message_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "Series" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Message_patchId_fkey" FOREIGN KEY ("patchId") REFERENCES "Patch" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Series" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "key" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "revisionInferred" BOOLEAN NOT NULL DEFAULT false,
    "total" INTEGER NOT NULL,
    "coverMessageId" TEXT,
    "authorName" TEXT NOT NULL DEFAULT '',
    "authorEmail" TEXT NOT NULL DEFAULT '',
    "date" TEXT,
    "lastActivity" TEXT,
    "messageCount" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "Series_coverMessageId_fkey" FOREIGN KEY ("coverMessageId") REFERENCES "Message" ("messageId") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Patch" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "seriesId" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "subject" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "authorName" TEXT NOT NULL DEFAULT '',
    "authorEmail" TEXT NOT NULL DEFAULT '',
    "date" TEXT,
    "files" TEXT NOT NULL DEFAULT '[]',
    "added" INTEGER NOT NULL DEFAULT 0,
    "removed" INTEGER NOT NULL DEFAULT 0,
    "replyCount" INTEGER NOT NULL DEFAULT 0,
    "appliedTree" TEXT,
    "appliedCommit" TEXT,
    "appliedBy" TEXT,
    "appliedMessageId" TEXT,
    CONSTRAINT "Patch_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "Series" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Patch_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "Message" ("messageId") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PatchArch" (
    "patchId" INTEGER NOT NULL,
    "arch" TEXT NOT NULL,
    "source" TEXT NOT NULL,

    PRIMARY KEY ("patchId", "arch"),
    CONSTRAINT "PatchArch_patchId_fkey" FOREIGN KEY ("patchId") REFERENCES "Patch" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Trailer" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "patchId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',
    "email" TEXT NOT NULL DEFAULT '',
    "value" TEXT NOT NULL DEFAULT '',
    "personId" INTEGER,
    "messageId" TEXT NOT NULL,
    "via" TEXT NOT NULL,
    "scope" TEXT,
    "scopeResolved" BOOLEAN NOT NULL DEFAULT true,
    "note" TEXT,
    "verified" BOOLEAN NOT NULL DEFAULT true,
    CONSTRAINT "Trailer_patchId_fkey" FOREIGN KEY ("patchId") REFERENCES "Patch" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Trailer_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Trailer_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "Message" ("messageId") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PatchSection" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "patchId" INTEGER NOT NULL,
    "arch" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "maintainers" TEXT NOT NULL DEFAULT '[]',
    "reviewers" TEXT NOT NULL DEFAULT '[]',
    "owedBy" TEXT NOT NULL DEFAULT '[]',
    "satisfiedBy" TEXT,
    CONSTRAINT "PatchSection_patchId_fkey" FOREIGN KEY ("patchId") REFERENCES "Patch" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MaintainersFile" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "source" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "loadedAt" TEXT NOT NULL
);

-- CreateIndex
CREATE INDEX "PatchSection_patchId_idx" ON "PatchSection"("patchId");
CREATE INDEX "PatchSection_status_idx" ON "PatchSection"("status");
CREATE UNIQUE INDEX "Person_email_key" ON "Person"("email");
CREATE UNIQUE INDEX "Message_messageId_key" ON "Message"("messageId");
CREATE INDEX "Message_seriesId_idx" ON "Message"("seriesId");
CREATE INDEX "Message_patchId_idx" ON "Message"("patchId");
CREATE INDEX "Message_fromEmail_idx" ON "Message"("fromEmail");
CREATE INDEX "Message_date_idx" ON "Message"("date");
CREATE INDEX "Message_parentId_idx" ON "Message"("parentId");
CREATE UNIQUE INDEX "Series_key_key" ON "Series"("key");
CREATE UNIQUE INDEX "Series_coverMessageId_key" ON "Series"("coverMessageId");
CREATE INDEX "Series_topic_idx" ON "Series"("topic");
CREATE UNIQUE INDEX "Patch_messageId_key" ON "Patch"("messageId");
CREATE INDEX "Patch_seriesId_number_idx" ON "Patch"("seriesId", "number");
CREATE INDEX "PatchArch_arch_idx" ON "PatchArch"("arch");
CREATE INDEX "Trailer_patchId_idx" ON "Trailer"("patchId");
CREATE INDEX "Trailer_personId_idx" ON "Trailer"("personId");
CREATE INDEX "Trailer_kind_idx" ON "Trailer"("kind");
CREATE INDEX "Trailer_messageId_idx" ON "Trailer"("messageId");
