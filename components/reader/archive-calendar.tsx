import Link from "next/link";
import {
  addMonths,
  formatChineseDate,
  formatChineseMonth,
  formatYearMonth,
  monthGrid,
  type IsoDate,
  type YearMonth,
} from "@/lib/reading/dates";

const WEEKDAYS = ["一", "二", "三", "四", "五", "六", "日"];
const control =
  "inline-flex min-h-11 min-w-11 items-center justify-center rounded border border-neutral-400 px-2 text-blue-800 hover:bg-neutral-100 focus-visible:outline-3 focus-visible:outline-blue-600 dark:border-neutral-500 dark:text-blue-300 dark:hover:bg-neutral-800";

export type CalendarDay = { date: IsoDate; issueNumber: number; href: string };

/** 往期阅读: one month, days with an edition linked, days without one marked as such. */
export function ArchiveCalendar({
  month,
  days,
  monthHref,
  jumpAction,
}: {
  month: YearMonth;
  days: CalendarDay[];
  monthHref: (month: string) => string;
  /** The URL the 跳转 form is sent to (GET, field "date"). */
  jumpAction: string;
}) {
  const byDate = new Map(days.map((day) => [day.date, day]));
  const step = (delta: number) => monthHref(formatYearMonth(addMonths(month, delta)));
  return (
    <section aria-labelledby="calendar-heading" className="mx-auto max-w-xl space-y-4">
      <h2 id="calendar-heading" className="text-center font-serif text-2xl font-bold">
        {formatChineseMonth(month)}
      </h2>
      <nav aria-label="切换月份" className="flex flex-wrap justify-center gap-2">
        <Link href={step(-12)} className={control} aria-label="上一年">
          « 上一年
        </Link>
        <Link href={step(-1)} className={control} aria-label="上一月">
          ‹ 上一月
        </Link>
        <Link href={step(1)} className={control} aria-label="下一月">
          下一月 ›
        </Link>
        <Link href={step(12)} className={control} aria-label="下一年">
          下一年 »
        </Link>
      </nav>
      <table className="w-full table-fixed border-collapse text-center">
        <caption className="sr-only">{formatChineseMonth(month)}出版日历，有报纸的日期可点击</caption>
        <thead>
          <tr>
            {WEEKDAYS.map((day) => (
              <th key={day} scope="col" className="py-1 text-sm font-normal text-neutral-700 dark:text-neutral-300">
                <abbr title={`星期${day}`} className="no-underline">
                  {day}
                </abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {monthGrid(month).map((week, index) => (
            <tr key={index}>
              {week.map((date, column) => {
                if (!date) return <td key={column} />;
                const edition = byDate.get(date);
                const dayNumber = Number(date.slice(8));
                return (
                  <td key={date} id={`d${date}`} className="p-0.5 target:bg-amber-200 dark:target:bg-amber-800">
                    {edition ? (
                      <Link
                        href={edition.href}
                        aria-label={`${formatChineseDate(date)}，第${edition.issueNumber}期`}
                        className="flex min-h-11 min-w-11 items-center justify-center rounded bg-masthead font-bold text-white hover:opacity-85 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-blue-600"
                      >
                        {dayNumber}
                      </Link>
                    ) : (
                      <span
                        className="flex min-h-11 min-w-11 items-center justify-center rounded text-neutral-600 dark:text-neutral-400"
                        title="当日无报纸"
                        data-no-edition
                      >
                        {dayNumber}
                        <span className="sr-only">日，无报纸</span>
                      </span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="text-sm text-neutral-700 dark:text-neutral-300">
        <span className="mr-1 inline-block size-3 rounded-sm bg-masthead align-middle" aria-hidden="true" />
        红底日期有报纸，点击阅读；灰色日期无报纸。
      </p>
      <form action={jumpAction} method="get" className="flex flex-wrap items-end gap-2">
        <label className="flex flex-col text-sm">
          跳转到日期
          <input
            type="date"
            name="date"
            required
            defaultValue={formatYearMonth(month) + "-01"}
            className="min-h-11 rounded border border-neutral-500 bg-white px-2 text-base text-neutral-900 dark:bg-neutral-900 dark:text-neutral-100"
          />
        </label>
        <button
          type="submit"
          className="min-h-11 rounded bg-masthead px-4 text-white hover:opacity-90 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-blue-600"
        >
          前往
        </button>
      </form>
    </section>
  );
}
