"use client";
import { useState, useSyncExternalStore } from "react";

export type ShareButtonsProps = {
  /** The path to share ("/2026-11-25/a01/3"); made absolute with the address the reader is using. */
  path: string;
  title: string;
};

// Without a display class: the QR button sets its own (hidden on phones), and two display utilities would fight.
const look =
  "min-h-11 items-center rounded border border-neutral-400 px-3 text-sm hover:bg-neutral-100 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:border-neutral-500 dark:hover:bg-neutral-800";

const button = `inline-flex ${look}`;

const noSubscription = () => () => {};

/** 分享 (the system share sheet, where there is one), 复制链接, and 二维码 on desktop for WeChat on the phone. */
export function ShareButtons({ path, title }: ShareButtonsProps) {
  const canShare = useSyncExternalStore(
    noSubscription,
    () => typeof navigator.share === "function",
    () => false,
  );
  const [message, setMessage] = useState("");
  const [manualCopy, setManualCopy] = useState(false);
  const [qr, setQr] = useState<string | null>(null);
  const url = () => new URL(path, window.location.origin).href;

  async function share() {
    try {
      await navigator.share({ title, url: url() });
    } catch (error) {
      // AbortError: the reader closed the sheet; nothing to say.
      if ((error as Error).name !== "AbortError") setMessage("无法打开分享，请复制链接");
    }
  }

  async function copy() {
    try {
      await navigator.clipboard.writeText(url());
      setManualCopy(false);
      setMessage("链接已复制");
    } catch {
      setManualCopy(true);
      setMessage("请手动复制链接");
    }
  }

  async function toggleQr() {
    if (qr) return setQr(null);
    // The QR encoder is fetched only when a reader asks for the code.
    const QRCode = await import("qrcode");
    setQr(await QRCode.toString(url(), { type: "svg", margin: 1, errorCorrectionLevel: "M" }));
  }

  return (
    // Its items join the share row's flex line; the link field and the QR code wrap onto their own line below.
    <div className="contents">
      {canShare && (
        <button type="button" className={button} onClick={share}>
          分享
        </button>
      )}
      <button type="button" className={button} onClick={copy}>
        复制链接
      </button>
      <button
        type="button"
        className={`hidden md:inline-flex ${look}`}
        onClick={toggleQr}
        aria-expanded={qr !== null}
        aria-controls="share-qr"
      >
        二维码
      </button>
      <span role="status" className="text-sm text-neutral-700 dark:text-neutral-300">
        {message}
      </span>
      {manualCopy && (
        <input
          readOnly
          aria-label="文章链接"
          value={url()}
          onFocus={(event) => event.currentTarget.select()}
          className="order-last min-h-11 basis-full rounded border border-neutral-400 px-2 text-sm"
        />
      )}
      {qr && (
        <div className="order-last basis-full">
          <figure id="share-qr" className="max-w-56 rounded border border-neutral-300 bg-white p-3 text-center">
            <div
              className="[&>svg]:h-auto [&>svg]:w-full"
              role="img"
              aria-label="本文链接的二维码"
              dangerouslySetInnerHTML={{ __html: qr }}
            />
            <figcaption className="mt-2 text-sm text-neutral-800">微信扫一扫，在手机上阅读</figcaption>
          </figure>
        </div>
      )}
    </div>
  );
}
