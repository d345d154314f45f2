package io.aiops.collector.kmsg;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An OOM kill under the field names of the command-line contract ({@code aiops analyze oom --format
 * json}) and of the Avro schema: snake_case, units in the names, null for what the log did not
 * print. One mapping, used by the JSON output and by the corpus test.
 */
public final class OomKillFields {
  private OomKillFields() {}

  public static Map<String, Object> of(OomKill kill) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("timestamp", kill.timestamp());
    fields.put("timestamp_ms", kill.timestampMs());
    fields.put("uptime_seconds", kill.uptimeSeconds());
    fields.put("kmsg_sequence", kill.sequence());
    fields.put("pid", kill.pid());
    fields.put("process", kill.process());
    fields.put("total_vm_kb", kill.totalVmKb());
    fields.put("anon_rss_kb", kill.anonRssKb());
    fields.put("file_rss_kb", kill.fileRssKb());
    fields.put("shmem_rss_kb", kill.shmemRssKb());
    fields.put("pgtables_kb", kill.pgtablesKb());
    fields.put("oom_score_adj", kill.oomScoreAdj());
    fields.put("uid", kill.uid());
    fields.put("constraint", kill.constraint());
    fields.put("memcg", kill.memcg());
    fields.put("task_memcg", kill.taskMemcg());
    fields.put("memcg_usage_kb", kill.memcgUsageKb());
    fields.put("memcg_limit_kb", kill.memcgLimitKb());
    fields.put("invoker", kill.invoker());
    fields.put("gfp_mask", kill.gfpMask());
    fields.put("order", kill.order());
    fields.put("nodemask", kill.nodemask());
    fields.put("cpuset", kill.cpuset());
    fields.put("mems_allowed", kill.memsAllowed());
    fields.put("mem_info_pages", kill.memInfoPages());
    List<Map<String, Object>> tasks = new ArrayList<>();
    for (OomTask task : kill.tasks()) {
      tasks.add(of(task));
    }
    fields.put("tasks", tasks);
    return fields;
  }

  public static Map<String, Object> of(OomTask task) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("pid", task.pid());
    fields.put("name", task.name());
    fields.put("uid", task.uid());
    fields.put("tgid", task.tgid());
    fields.put("total_vm_pages", task.totalVmPages());
    fields.put("rss_pages", task.rssPages());
    fields.put("rss_anon_pages", task.rssAnonPages());
    fields.put("rss_file_pages", task.rssFilePages());
    fields.put("rss_shmem_pages", task.rssShmemPages());
    fields.put("pgtables_bytes", task.pgtablesBytes());
    fields.put("swap_entries", task.swapEntries());
    fields.put("oom_score_adj", task.oomScoreAdj());
    return fields;
  }
}
