"use client";
import { useActionState, useState } from "react";
import {
  refuseOversized,
  type ArticleValues,
  type PasteConfirmState,
  type PasteParseState,
} from "@/lib/admin/form-state";
import { LIMITS } from "@/lib/limits";
import type { ContinuationSuggestion } from "@/lib/admin/paste-suggestions";
import { Field, FormMessage, inputClass, secondaryButtonClass } from "./field";
import { SubmitButton } from "./submit-button";
import { useUnsavedChangesWarning } from "./unsaved-changes";

type ParseAction = (state: PasteParseState, formData: FormData) => Promise<PasteParseState>;
type SaveAction = (state: PasteConfirmState, formData: FormData) => Promise<PasteConfirmState>;

const FIELDS: { name: keyof ArticleValues; label: string }[] = [
  { name: "kicker", label: "引题" },
  { name: "title", label: "标题" },
  { name: "subtitle", label: "副题" },
  { name: "byline", label: "署名" },
];

function Choices({
  name,
  suggestion,
  title,
}: {
  name: "toChoice" | "fromChoice";
  suggestion: ContinuationSuggestion;
  title: string;
}) {
  const to = name === "toChoice";
  const heading = to
    ? `文末有「${suggestion.note.text}」，已从正文中去掉。`
    : `文首有「${suggestion.note.text}」，已从正文中去掉。`;
  if (!suggestion.page) {
    return (
      <fieldset className="space-y-1 rounded border border-neutral-200 bg-white p-3">
        <legend className="px-1 text-sm font-medium">{to ? "下转" : "上接"}</legend>
        <p className="text-sm">{heading}</p>
        <p className="text-sm text-amber-800">
          本期还没有第 {suggestion.note.page} 版，暂不链接。添加该版面后，可以在文章页手动设置转版链接。
        </p>
        <input type="hidden" name={name} value="none" />
      </fieldset>
    );
  }
  const page = suggestion.page;
  // Without a matching article, leave it unlinked: pasting the continuation on that page will offer the link back.
  const defaultValue = suggestion.match ? `link:${suggestion.match.id}` : "none";
  const options: { value: string; label: string }[] = [
    ...(suggestion.match
      ? [
          {
            value: `link:${suggestion.match.id}`,
            label: `${to ? "链接到" : "接在"}第 ${page.code} 版「${suggestion.match.title}」${to ? "" : "之后"}（标题相近，推荐）`,
          },
        ]
      : []),
    ...suggestion.others.map((other) => ({
      value: `link:${other.id}`,
      label: `${to ? "链接到" : "接在"}第 ${page.code} 版「${other.title}」${to ? "" : "之后"}`,
    })),
    ...(to ? [{ value: "create", label: `在第 ${page.code} 版新建续篇「${title}」并链接` }] : []),
    { value: "none", label: "不链接" },
  ];
  return (
    <fieldset className="space-y-1 rounded border border-neutral-200 bg-white p-3">
      <legend className="px-1 text-sm font-medium">{to ? "下转" : "上接"}</legend>
      <p className="text-sm">{heading}</p>
      {to ? <input type="hidden" name="toPageId" value={page.id} /> : null}
      {!suggestion.match ? (
        <p className="text-xs text-neutral-500">
          第 {page.code} 版上还没有标题相近的文章。之后在该版粘贴续篇（带“上接”）时，会提示链接到本文。
        </p>
      ) : null}
      {options.map((option) => (
        <label key={option.value} className="flex items-start gap-2 text-sm">
          <input
            type="radio"
            name={name}
            value={option.value}
            defaultChecked={option.value === defaultValue}
            className="mt-1"
          />
          <span>{option.label}</span>
        </label>
      ))}
    </fieldset>
  );
}

/** Paste the raw text, check what was recognised, then save: nothing is stored before the confirmation. */
export function PasteFlow({
  parseAction,
  saveAction,
  editionId,
  pageId,
  submissionKey,
  initialRaw = "",
}: {
  parseAction: ParseAction;
  saveAction: SaveAction;
  editionId: number;
  pageId: number;
  /** Sent with the confirmation, so confirming twice stores the article once. */
  submissionKey: string;
  /** Text to start from (a block of the page's printed text). */
  initialRaw?: string;
}) {
  const [parseState, parse] = useActionState(
    (previous: PasteParseState, formData: FormData): PasteParseState | Promise<PasteParseState> =>
      refuseOversized(formData, { raw: [LIMITS.article.pasteText, "粘贴的内容"] }) ?? parseAction(previous, formData),
    {} as PasteParseState,
  );
  const [saveState, save] = useActionState(
    (previous: PasteConfirmState, formData: FormData): PasteConfirmState | Promise<PasteConfirmState> =>
      refuseOversized(formData, { body: [LIMITS.article.bodyText, "正文"] }) ?? saveAction(previous, formData),
    {} as PasteConfirmState,
  );
  const [editingRaw, setEditingRaw] = useState(true);
  const [raw, setRaw] = useState(initialRaw);
  const [showConfirm, setShowConfirm] = useState(false);
  useUnsavedChangesWarning(raw.trim().length > 0);
  const parsed = parseState.parsed;
  const confirming = parsed && showConfirm && !editingRaw;

  if (!confirming) {
    return (
      <form
        action={parse}
        onSubmit={() => {
          setEditingRaw(false);
          setShowConfirm(true);
        }}
        className="space-y-3"
        noValidate
      >
        <input type="hidden" name="editionId" value={editionId} />
        <input type="hidden" name="pageId" value={pageId} />
        <FormMessage message={parseState.message} />
        <Field
          label="文章原文"
          name="raw"
          error={parseState.fieldErrors?.raw}
          hint="从排版系统复制整篇文章粘贴到这里：第一行是标题；段落以空行或全角空格分隔；文末的署名和“（下转第8版）”、文首的“（上接第1版）”会自动识别。"
        >
          <textarea
            id="raw"
            name="raw"
            rows={16}
            value={raw}
            onChange={(event) => setRaw(event.target.value)}
            className={`${inputClass} font-serif`}
          />
        </Field>
        <SubmitButton pendingText="正在识别…">识别并预览</SubmitButton>
      </form>
    );
  }

  const values = (name: keyof ArticleValues) => saveState.values?.[name] ?? parsed.values[name];
  const errors = saveState.fieldErrors ?? {};
  return (
    <form action={save} className="space-y-4" noValidate>
      <input type="hidden" name="editionId" value={editionId} />
      <input type="hidden" name="pageId" value={pageId} />
      <input type="hidden" name="submissionKey" value={submissionKey} />
      <p role="status" className="rounded bg-blue-50 px-3 py-2 text-sm text-blue-900">
        请核对识别结果，可以直接修改；确认无误后点击“确认保存”。
      </p>
      <FormMessage message={saveState.message} />
      <div className="grid gap-4 sm:grid-cols-2">
        {FIELDS.map((field) => (
          <div key={field.name} className={field.name === "title" ? "sm:col-span-2" : undefined}>
            <Field label={field.label} name={`paste-${field.name}`} error={errors[field.name]}>
              <input
                id={`paste-${field.name}`}
                name={field.name}
                defaultValue={values(field.name)}
                className={inputClass}
                aria-invalid={Boolean(errors[field.name])}
              />
            </Field>
          </div>
        ))}
      </div>
      <Field
        label="正文"
        name="paste-body"
        error={errors.body}
        hint={`共 ${parsed.values.body ? parsed.values.body.split("\n\n").length : 0} 段，段落之间空一行。`}
      >
        <textarea
          id="paste-body"
          name="body"
          rows={14}
          defaultValue={values("body")}
          className={`${inputClass} font-serif leading-7`}
        />
      </Field>
      {parsed.continuedFrom ? (
        <Choices name="fromChoice" suggestion={parsed.continuedFrom} title={parsed.values.title} />
      ) : null}
      {parsed.continuedTo ? (
        <Choices name="toChoice" suggestion={parsed.continuedTo} title={parsed.values.title} />
      ) : null}
      {errors.links ? (
        <p role="alert" className="text-sm text-red-700">
          {errors.links.join(" ")}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <SubmitButton>确认保存</SubmitButton>
        <button type="button" className={secondaryButtonClass} onClick={() => setEditingRaw(true)}>
          返回修改原文
        </button>
      </div>
    </form>
  );
}
