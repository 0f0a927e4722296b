export default function AdminLoading() {
  return (
    <p role="status" className="text-neutral-500">
      正在加载…
    </p>
  );
}
