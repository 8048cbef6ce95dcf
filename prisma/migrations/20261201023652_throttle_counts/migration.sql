-- CreateTable
CREATE TABLE "ThrottleCount" (
    "key" TEXT NOT NULL,
    "points" INTEGER NOT NULL,
    "expire" TIMESTAMP(3),

    CONSTRAINT "ThrottleCount_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "ThrottleCount_expire_idx" ON "ThrottleCount"("expire");
