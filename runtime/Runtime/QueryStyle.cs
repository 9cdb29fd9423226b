namespace SpecClient.Runtime;

/// <summary>How a list, an object or a map goes into a query string: an API says it once, a parameter may differ.</summary>
public enum QueryStyle
{
    /// <summary>Repeated keys, <c>a=1&amp;a=2</c>; an object's members as keys of their own, <c>name=x</c> (OpenAPI's form, exploded).</summary>
    Form,

    /// <summary>One key, comma-separated values, <c>a=1,2</c>; an object as <c>a=name,x</c> (OpenAPI's form, not exploded).</summary>
    Comma,

    /// <summary>PHP's and Symfony's brackets: <c>a[]=1&amp;a[]=2</c>, <c>a[name]=x</c>, and <c>a[0][name]=x</c> for a list of objects.</summary>
    Brackets,

    /// <summary>OpenAPI's deepObject: <c>a[name]=x</c> for an object, repeated keys for a list.</summary>
    DeepObject,
}
