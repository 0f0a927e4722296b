-- CreateIndex
CREATE INDEX "search_documents_issue_date_idx" ON "search_documents"("issue_date");
