package io.aiops.collector.kmsg;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one-line summary 4.19+ kernels print before the kill:
 *
 * <pre>
 * oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=..,mems_allowed=0,
 *     oom_memcg=/kubepods/..,task_memcg=/kubepods/../abc,task=java,pid=1234,uid=1000
 * oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=0,global_oom,
 *     task_memcg=/user.slice,task=java,pid=1234,uid=1000
 * </pre>
 *
 * Values are cut at the next known key, not at every comma: a nodemask reads {@code 0,2}.
 */
record OomSummaryLine(
    String constraint,
    String nodemask,
    String cpuset,
    String memsAllowed,
    String oomMemcg,
    String taskMemcg,
    String task,
    Integer pid,
    Integer uid) {

  private static final String KEYS =
      "constraint|nodemask|cpuset|mems_allowed|oom_memcg|task_memcg|task|pid|uid";
  private static final Pattern FIELD =
      Pattern.compile("(" + KEYS + ")=(.*?)(?=,(?:(?:" + KEYS + ")=|global_oom(?:,|$))|$)");

  static OomSummaryLine parse(String message) {
    if (!message.startsWith("oom-kill:")) {
      return null;
    }
    Map<String, String> values = new HashMap<>();
    Matcher m = FIELD.matcher(message.substring("oom-kill:".length()));
    while (m.find()) {
      values.putIfAbsent(m.group(1), m.group(2));
    }
    return new OomSummaryLine(
        values.get("constraint"),
        values.get("nodemask"),
        values.get("cpuset"),
        values.get("mems_allowed"),
        values.get("oom_memcg"),
        values.get("task_memcg"),
        values.get("task"),
        integer(values.get("pid")),
        integer(values.get("uid")));
  }

  private static Integer integer(String text) {
    try {
      return text == null ? null : Integer.valueOf(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
