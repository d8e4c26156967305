// defrel's reasoner driver: HermiT (the build bundled with owlready2) and the OWL API it ships,
// run in one JVM so that a justification (the axioms that together cause a problem) costs
// milliseconds per reasoner call rather than a JVM start.  mapper/checks/reasoner.py runs it and reads
// its output, one tab-separated record per line:
//   COUNT  <what> <n>             classes, objectProperties, dataProperties, annotationProperties,
//                                 individuals, axioms, logicalAxioms
//   TIME   <what> <ms>            load, reason, explain
//   CONSISTENT <true|false>
//   UNSAT  <class IRI>            an unsatisfiable named class (only if consistent)
//   WHY    <class IRI|-> <axiom>  one axiom of a justification ("-" for the inconsistency)
// Usage: java DefrelReasoner FILE (consistency|classify) (explain|no-explain)
import java.io.File;
import java.util.*;
import org.semanticweb.HermiT.Configuration;
import org.semanticweb.HermiT.Reasoner;
import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.model.*;
import org.semanticweb.owlapi.reasoner.InferenceType;

public class DefrelReasoner {
  static final Reasoner.ReasonerFactory FACTORY = new Reasoner.ReasonerFactory();

  interface Problem { boolean holds(Set<OWLAxiom> axioms) throws Exception; }

  static Reasoner reasoner(OWLOntology o) {
    return (Reasoner) FACTORY.createReasoner(o, new Configuration());
  }

  static OWLOntology ontology(Set<OWLAxiom> axioms) throws Exception {
    return OWLManager.createOWLOntologyManager().createOntology(axioms);
  }

  static boolean inconsistent(Set<OWLAxiom> axioms) throws Exception {
    return !reasoner(ontology(axioms)).isConsistent();
  }

  static boolean unsatisfiable(Set<OWLAxiom> axioms, OWLClass c) throws Exception {
    Reasoner r = reasoner(ontology(axioms));
    return r.isConsistent() && !r.isSatisfiable(c);
  }

  // QuickXplain (Junker 2004): a minimal subset of `candidates` that, with `background`, still
  // has the problem, in O(k log n) reasoner calls for a justification of k axioms.
  static List<OWLAxiom> quickXplain(Set<OWLAxiom> background, boolean changed,
                                    List<OWLAxiom> candidates, Problem p) throws Exception {
    if (changed && p.holds(background)) return new ArrayList<>();
    if (candidates.size() == 1) return new ArrayList<>(candidates);
    int half = candidates.size() / 2;
    List<OWLAxiom> left = candidates.subList(0, half), right = candidates.subList(half, candidates.size());
    Set<OWLAxiom> withLeft = new LinkedHashSet<>(background);
    withLeft.addAll(left);
    List<OWLAxiom> d2 = quickXplain(withLeft, !left.isEmpty(), right, p);
    Set<OWLAxiom> withD2 = new LinkedHashSet<>(background);
    withD2.addAll(d2);
    List<OWLAxiom> d1 = quickXplain(withD2, !d2.isEmpty(), left, p);
    d1.addAll(d2);
    return d1;
  }

  static List<OWLAxiom> justify(OWLOntology o, Problem p) throws Exception {
    List<OWLAxiom> logical = new ArrayList<>(o.getLogicalAxioms());
    Collections.sort(logical);  // deterministic order, so the same input gives the same answer
    Set<OWLAxiom> declarations = new LinkedHashSet<>(o.getAxioms(AxiomType.DECLARATION));
    return quickXplain(declarations, false, logical, p);
  }

  public static void main(String[] args) throws Exception {
    long t0 = System.currentTimeMillis();
    OWLOntology o = OWLManager.createOWLOntologyManager()
        .loadOntologyFromOntologyDocument(new File(args[0]));
    boolean classify = args.length > 1 && args[1].equals("classify");
    boolean explain = args.length < 3 || args[2].equals("explain");
    long t1 = System.currentTimeMillis();
    System.out.println("COUNT\tclasses\t" + o.getClassesInSignature().size());
    System.out.println("COUNT\tobjectProperties\t" + o.getObjectPropertiesInSignature().size());
    System.out.println("COUNT\tdataProperties\t" + o.getDataPropertiesInSignature().size());
    System.out.println("COUNT\tannotationProperties\t" + o.getAnnotationPropertiesInSignature().size());
    System.out.println("COUNT\tindividuals\t" + o.getIndividualsInSignature().size());
    System.out.println("COUNT\taxioms\t" + o.getAxiomCount());
    System.out.println("COUNT\tlogicalAxioms\t" + o.getLogicalAxiomCount());
    System.out.println("TIME\tload\t" + (t1 - t0));
    Reasoner r = reasoner(o);
    boolean consistent = r.isConsistent();
    List<OWLClass> unsat = new ArrayList<>();
    if (consistent && classify) {
      r.precomputeInferences(InferenceType.CLASS_HIERARCHY);
      for (OWLClass c : r.getUnsatisfiableClasses().getEntitiesMinusBottom()) unsat.add(c);
      Collections.sort(unsat);
    }
    long t2 = System.currentTimeMillis();
    System.out.println("TIME\treason\t" + (t2 - t1));
    System.out.println("CONSISTENT\t" + consistent);
    if (!consistent && explain) {
      for (OWLAxiom a : justify(o, DefrelReasoner::inconsistent)) System.out.println("WHY\t-\t" + a);
    }
    for (OWLClass c : unsat) {
      System.out.println("UNSAT\t" + c.getIRI());
      if (explain)
        for (OWLAxiom a : justify(o, axioms -> unsatisfiable(axioms, c)))
          System.out.println("WHY\t" + c.getIRI() + "\t" + a);
    }
    System.out.println("TIME\texplain\t" + (System.currentTimeMillis() - t2));
  }
}
